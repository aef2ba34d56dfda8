/** A box on the screen, in CSS pixels (a DOMRect has these fields). */
export type ScreenRect = { left: number; top: number; right: number; bottom: number };

/**
 * A panel floating over the map: `left` ones are a column along the left edge, `top` ones a
 * row along the top. The state is fitted to the right of the first and below the second.
 */
export type MapOverlay = { side: 'left' | 'top'; rect: ScreenRect };

export type MapPadding = { top: number; right: number; bottom: number; left: number };

const margin = 16;
/** The map's own controls: the scale bar (bottom left), the zoom buttons and the attribution (bottom right). */
const controls: MapPadding = { top: margin, right: margin, bottom: 48, left: margin };
/** Less room than this and the state would be a stamp: better to let the panels cover part of it. */
const smallest = { width: 320, height: 160 };

/**
 * The padding that fits Virginia where no panel covers it. Panels float over the map, so a
 * state fitted to the whole canvas puts Hampton Roads (its south-east corner, where the coastal
 * flooding and the incidents are) under whatever panel sits in that corner.
 */
export function paddingClearOf(map: ScreenRect, overlays: readonly MapOverlay[]): MapPadding {
  const padding = { ...controls };
  for (const { side, rect } of overlays) {
    // A panel that is not displayed has an empty box.
    if (rect.right <= rect.left || rect.bottom <= rect.top) continue;
    // On a phone the panels follow the map in the page's flow (map.css): one that covers none
    // of the canvas leaves it all its room.
    const overMap =
      rect.left < map.right && rect.right > map.left && rect.top < map.bottom && rect.bottom > map.top;
    if (!overMap) continue;
    if (side === 'left') padding.left = Math.max(padding.left, Math.ceil(rect.right - map.left) + margin);
    else padding.top = Math.max(padding.top, Math.ceil(rect.bottom - map.top) + margin);
  }
  const width = map.right - map.left - padding.left - padding.right;
  const height = map.bottom - map.top - padding.top - padding.bottom;
  return width >= smallest.width && height >= smallest.height ? padding : controls;
}
