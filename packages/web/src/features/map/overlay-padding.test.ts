import { describe, expect, it } from 'vitest';
import { paddingClearOf } from './overlay-padding.ts';

const map = { left: 0, top: 80, right: 1280, bottom: 800 };

describe('paddingClearOf', () => {
  it('fits the state right of the left panel and below the top row, clear of the controls', () => {
    const padding = paddingClearOf(map, [
      { side: 'left', rect: { left: 12, top: 92, right: 392, bottom: 620 } },
      { side: 'top', rect: { left: 744, top: 92, right: 1268, bottom: 360 } },
    ]);
    expect(padding).toEqual({ top: 296, right: 16, bottom: 48, left: 408 });
  });

  it('ignores a panel that is not displayed', () => {
    const padding = paddingClearOf(map, [{ side: 'left', rect: { left: 0, top: 0, right: 0, bottom: 0 } }]);
    expect(padding.left).toBe(16);
  });

  it('lets the panels cover the map when the room left would be too small to read', () => {
    const padding = paddingClearOf({ left: 0, top: 0, right: 600, bottom: 400 }, [
      { side: 'left', rect: { left: 12, top: 12, right: 392, bottom: 380 } },
    ]);
    expect(padding).toEqual({ top: 16, right: 16, bottom: 48, left: 16 });
  });

  it('ignores a panel stacked below the map, as on a phone', () => {
    const phone = { left: 0, top: 60, right: 390, bottom: 566 };
    const padding = paddingClearOf(phone, [
      { side: 'left', rect: { left: 12, top: 578, right: 378, bottom: 1100 } },
      { side: 'top', rect: { left: 12, top: 1112, right: 378, bottom: 1500 } },
    ]);
    expect(padding).toEqual({ top: 16, right: 16, bottom: 48, left: 16 });
  });
});
