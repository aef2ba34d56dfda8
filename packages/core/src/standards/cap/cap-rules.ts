import type { StandardsIssue } from '../xml/xsd-validator.ts';
import type { CapAlert, CapArea, CapInfo } from './cap-alert.ts';

export type CapRuleOptions = {
  /** Strict: date-times with `Z` or fractions are errors; lenient: warnings (many real feeds send them). */
  strict: boolean;
  /** Also apply the CAP v1.2 USA IPAWS Profile v1.0. */
  ipaws: boolean;
};

export type CapFindings = { errors: StandardsIssue[]; warnings: StandardsIssue[] };

/** CAP date-time: `YYYY-MM-DDThh:mm:ss±hh:mm`, no `Z`, no fraction (the XSD's own pattern, CAP §3.3.2). */
const capDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[-+]\d{2}:\d{2}$/;
const looseDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[-+]\d{2}:\d{2})$/;
const restrictedChars = /[\s,<&]/;

function instant(value: string | undefined): number | null {
  if (!value || !looseDateTime.test(value)) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

/** Splits CAP's space-delimited lists, where multi-word entries are in double quotes. */
export function splitCapList(value: string): string[] {
  return [...value.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

function checkDateTime(
  findings: CapFindings,
  options: CapRuleOptions,
  path: string,
  value: string | undefined,
) {
  if (value === undefined || capDateTime.test(value)) return;
  const issue = {
    path,
    message: `${value} is not a CAP date-time (YYYY-MM-DDThh:mm:ss±hh:mm, no Z, no fractions)`,
  };
  if (!options.strict && looseDateTime.test(value)) findings.warnings.push(issue);
  else findings.errors.push(issue);
}

function checkPoint(lat: number, lon: number): string | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return 'coordinates must be decimal degrees';
  if (lat < -90 || lat > 90) return `latitude ${lat} is outside ±90`;
  if (lon < -180 || lon > 180) return `longitude ${lon} is outside ±180`;
  return null;
}

const numberPattern = /^[-+]?\d+(\.\d+)?$/;

function checkArea(findings: CapFindings, path: string, area: CapArea) {
  area.polygon.forEach((polygon, i) => {
    const where = `${path}.polygon[${i}]`;
    const pairs = polygon.split(/\s+/).filter(Boolean);
    if (pairs.length === 0) {
      // NWS CAP 1.1 feeds send `<polygon></polygon>` for zone-based warnings: no area, not a broken one.
      findings.warnings.push({ path: where, message: 'an empty polygon describes no area and is ignored' });
      return;
    }
    if (pairs.length < 4) {
      findings.errors.push({
        path: where,
        message: `a polygon needs at least 4 points, found ${pairs.length}`,
      });
      return;
    }
    for (const pair of pairs) {
      const parts = pair.split(',');
      if (parts.length !== 2 || !parts.every((p) => numberPattern.test(p))) {
        findings.errors.push({ path: where, message: `"${pair}" is not a lat,lon pair` });
        return;
      }
      const problem = checkPoint(Number(parts[0]), Number(parts[1]));
      if (problem) {
        findings.errors.push({ path: where, message: problem });
        return;
      }
    }
    const [first, last] = [pairs[0]?.split(',').map(Number), pairs.at(-1)?.split(',').map(Number)];
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
      findings.errors.push({
        path: where,
        message: 'a polygon must be closed: its first and last points differ',
      });
    }
  });
  area.circle.forEach((circle, i) => {
    const where = `${path}.circle[${i}]`;
    const match = /^([-+]?\d+(?:\.\d+)?),([-+]?\d+(?:\.\d+)?) ([-+]?\d+(?:\.\d+)?)$/.exec(circle);
    if (!match) {
      findings.errors.push({ path: where, message: `"${circle}" is not "lat,lon radius"` });
      return;
    }
    const problem = checkPoint(Number(match[1]), Number(match[2]));
    if (problem) findings.errors.push({ path: where, message: problem });
    if (Number(match[3]) < 0)
      findings.errors.push({ path: where, message: 'the radius (km) must not be negative' });
  });
  if (area.ceiling !== undefined && area.altitude === undefined) {
    findings.errors.push({ path: `${path}.ceiling`, message: 'ceiling is only meaningful with altitude' });
  }
}

function checkInfo(findings: CapFindings, options: CapRuleOptions, path: string, info: CapInfo) {
  for (const key of ['effective', 'onset', 'expires'] as const) {
    checkDateTime(findings, options, `${path}.${key}`, info[key]);
  }
  const effective = instant(info.effective);
  const expires = instant(info.expires);
  if (effective !== null && expires !== null && expires < effective) {
    findings.errors.push({ path: `${path}.expires`, message: 'expires is before effective' });
  }
  if (info.headline && info.headline.length > 160) {
    findings.warnings.push({
      path: `${path}.headline`,
      message: 'headlines should stay within 160 characters',
    });
  }
  if (info.web !== undefined && !/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/.test(info.web)) {
    findings.errors.push({ path: `${path}.web`, message: 'web must be a full absolute URI' });
  }
  info.resource.forEach((resource, i) => {
    if (resource.size !== undefined && !/^\d+$/.test(resource.size)) {
      findings.errors.push({
        path: `${path}.resource[${i}].size`,
        message: 'size is a whole number of bytes',
      });
    }
  });
  info.area.forEach((area, i) => {
    checkArea(findings, `${path}.area[${i}]`, area);
  });
}

function checkIpaws(findings: CapFindings, alert: CapAlert) {
  if (!alert.code.includes('IPAWSv1.0')) {
    findings.errors.push({ path: 'code', message: 'IPAWS: code IPAWSv1.0 is required' });
  }
  alert.info.forEach((info, i) => {
    const path = `info[${i}]`;
    if (info.expires === undefined)
      findings.errors.push({ path: `${path}.expires`, message: 'IPAWS: expires is required' });
    const same = info.eventCode.find((c) => c.valueName === 'SAME');
    if (!same || !/^[A-Z]{3}$/.test(same.value)) {
      findings.errors.push({
        path: `${path}.eventCode`,
        message: 'IPAWS: a SAME event code of three letters is required',
      });
    }
    const cmam = info.parameter.find((p) => p.valueName === 'CMAMtext');
    if (cmam && cmam.value.length > 90) {
      findings.errors.push({
        path: `${path}.parameter`,
        message: 'IPAWS: CMAMtext is limited to 90 characters',
      });
    }
    const cmamLong = info.parameter.find((p) => p.valueName === 'CMAMlongtext');
    if (cmamLong && cmamLong.value.length > 360) {
      findings.errors.push({
        path: `${path}.parameter`,
        message: 'IPAWS: CMAMlongtext is limited to 360 characters',
      });
    }
    info.area.forEach((area, j) => {
      const geocodes = area.geocode.filter((g) => g.valueName === 'SAME');
      if (geocodes.length === 0 || geocodes.some((g) => !/^\d{6}$/.test(g.value))) {
        findings.errors.push({
          path: `${path}.area[${j}].geocode`,
          message: 'IPAWS: every area needs SAME geocodes of six digits (PSSCCC)',
        });
      }
    });
  });
}

/**
 * The CAP rules the XSD cannot express (CAP 1.2 §3 prose, STANDARDS §1.3): date-time shape,
 * identifier/sender characters, `references` triples, scope conditions, closed polygons of four
 * or more points within range, circle radius, and the IPAWS profile when asked.
 */
export function checkCapRules(alert: CapAlert, options: CapRuleOptions): CapFindings {
  const findings: CapFindings = { errors: [], warnings: [] };
  for (const key of ['identifier', 'sender'] as const) {
    if (restrictedChars.test(alert[key])) {
      findings.errors.push({ path: key, message: `${key} must not contain spaces, commas, < or &` });
    }
  }
  checkDateTime(findings, options, 'sent', alert.sent);
  if (alert.references !== undefined) {
    const triples = alert.references.split(/\s+/).filter(Boolean);
    if (triples.length === 0) {
      findings.errors.push({
        path: 'references',
        message: 'references is empty: give sender,identifier,sent triples',
      });
    }
    triples.forEach((triple) => {
      const parts = triple.split(',');
      if (parts.length !== 3 || parts.some((p) => p === '')) {
        findings.errors.push({
          path: 'references',
          message: `"${triple}" is not a sender,identifier,sent triple`,
        });
      } else {
        checkDateTime(findings, options, 'references', parts[2]);
      }
    });
  } else if (alert.msgType === 'Update' || alert.msgType === 'Cancel') {
    findings.warnings.push({
      path: 'references',
      message: `a ${alert.msgType} should reference the alert it supersedes`,
    });
  }
  if (alert.scope === 'Restricted' && !alert.restriction) {
    findings.errors.push({ path: 'restriction', message: 'scope Restricted requires a restriction' });
  }
  if (alert.scope === 'Private' && !alert.addresses) {
    findings.errors.push({ path: 'addresses', message: 'scope Private requires addresses' });
  }
  if (alert.msgType === 'Error' && !alert.note) {
    findings.warnings.push({ path: 'note', message: 'an Error message should explain itself in note' });
  }
  alert.info.forEach((info, i) => {
    checkInfo(findings, options, `info[${i}]`, info);
  });
  if (options.ipaws) checkIpaws(findings, alert);
  return findings;
}
