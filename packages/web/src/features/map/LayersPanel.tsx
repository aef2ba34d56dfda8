export type MapLayer = {
  id: string;
  label: string;
  swatch: 'fill' | 'line';
  colour: string;
  visible: boolean;
};

/** Layers with on/off switches, doubling as the legend: every symbol on the map is explained here. */
export function LayersPanel(props: {
  layers: MapLayer[];
  onToggle(id: string, visible: boolean): void;
  renderedCounties: number;
}) {
  return (
    <aside className="layers-panel" aria-label="Layers and legend">
      <h2>Layers</h2>
      <ul>
        {props.layers.map((layer) => (
          <li key={layer.id}>
            <input
              id={`layer-${layer.id}`}
              type="checkbox"
              checked={layer.visible}
              onChange={(event) => props.onToggle(layer.id, event.target.checked)}
            />
            <label htmlFor={`layer-${layer.id}`}>
              <span
                className={`swatch swatch-${layer.swatch}`}
                style={layer.swatch === 'fill' ? { background: layer.colour } : { borderColor: layer.colour }}
                aria-hidden="true"
              />
              {layer.label}
            </label>
          </li>
        ))}
      </ul>
      <h2>Legend</h2>
      <p className="muted">
        Hover a county or independent city for its name and FIPS code. {props.renderedCounties} of 133
        county-equivalents drawn.
      </p>
    </aside>
  );
}
