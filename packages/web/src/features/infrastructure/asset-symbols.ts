import { type CisaSector, cisaSectors } from '@vigil/core/infrastructure';
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Infrastructure symbols after ANSI INCITS 415-2006: the frame is a rectangle (infrastructure),
 * its outline colour tells the sector, its fill tells the operational status, and status is
 * never colour alone: a failed asset is crossed out, one that fails later is half filled.
 */
export const sectorColours: Record<CisaSector, string> = {
  chemical: '#c77dff',
  'commercial-facilities': '#b0b7c3',
  communications: '#4cc9f0',
  'critical-manufacturing': '#adb5bd',
  dams: '#4895ef',
  'defense-industrial-base': '#8d99ae',
  'emergency-services': '#ff7b54',
  energy: '#ffd166',
  'financial-services': '#90be6d',
  'food-and-agriculture': '#a7c957',
  'government-facilities': '#e9c46a',
  'healthcare-and-public-health': '#ff5d8f',
  'information-technology': '#56cfe1',
  'nuclear-reactors-materials-and-waste': '#f4a261',
  'transportation-systems': '#cdb4db',
  'water-and-wastewater-systems': '#00b4d8',
};

export const statusColours = { operational: '#1b4332', later: '#f2a900', failed: '#e5484d' } as const;
export type AssetStatus = keyof typeof statusColours;
export const statusLabels: Record<AssetStatus, string> = {
  operational: 'operational',
  later: 'loses supply, fails later in the scenario',
  failed: 'failed',
};

const size = 22;

function drawSquare(sector: string, status: AssetStatus): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const g = canvas.getContext('2d') as CanvasRenderingContext2D;
  g.fillStyle = statusColours.operational;
  g.fillRect(3, 3, size - 6, size - 6);
  if (status === 'later') {
    g.fillStyle = statusColours.later;
    g.fillRect(3, size / 2, size - 6, size / 2 - 3);
  }
  if (status === 'failed') {
    g.fillStyle = statusColours.failed;
    g.fillRect(3, 3, size - 6, size - 6);
    g.strokeStyle = '#ffffff';
    g.lineWidth = 2;
    g.beginPath();
    g.moveTo(6, 6);
    g.lineTo(size - 6, size - 6);
    g.moveTo(size - 6, 6);
    g.lineTo(6, size - 6);
    g.stroke();
  }
  g.strokeStyle = sector;
  g.lineWidth = 3;
  g.strokeRect(2.5, 2.5, size - 5, size - 5);
  return g.getImageData(0, 0, size, size);
}

export function symbolId(sector: string, status: AssetStatus): string {
  return `infra-${sector}-${status}`;
}

/** Registers one image per sector and status (no sprite file, no glyphs: nothing remote). */
export function addAssetSymbols(map: MapLibreMap): void {
  for (const { slug } of cisaSectors) {
    for (const status of Object.keys(statusColours) as AssetStatus[]) {
      const id = symbolId(slug, status);
      if (!map.hasImage(id)) map.addImage(id, drawSquare(sectorColours[slug], status), { pixelRatio: 1.5 });
    }
  }
  if (!map.hasImage('infra-cluster'))
    map.addImage('infra-cluster', drawSquare('#e0e6ef', 'operational'), { pixelRatio: 1.2 });
}
