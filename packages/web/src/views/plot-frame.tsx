import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** The plotting library's module, loaded on first use (it is not in the initial bundle). */
export type PlotModule = typeof import('@observablehq/plot');

let loading: Promise<PlotModule> | undefined;
/** Loads Observable Plot once, as a separate chunk. */
export const loadPlot = (): Promise<PlotModule> => {
  loading ??= import('@observablehq/plot');
  return loading;
};

/**
 * A figure drawn by Observable Plot into an SVG, built when the plotting chunk has arrived.
 * `draw` returns the element Plot made; marks carry links (`href`) to the articles behind them.
 */
export function PlotFrame(props: {
  label: string;
  deps: unknown[];
  draw(Plot: PlotModule): SVGSVGElement | HTMLElement;
  /** The figure's class (default `plot`; a legend takes `plot-legend`). */
  class?: string;
}): JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live = true;
    void loadPlot().then((Plot) => {
      if (!live || !ref.current) return;
      const figure = props.draw(Plot);
      // Plot labels its mark groups with aria-label; a label needs a role that takes one.
      for (const g of figure.querySelectorAll('g[aria-label]:not([role])')) g.setAttribute('role', 'group');
      ref.current.replaceChildren(figure);
    });
    return () => {
      live = false;
    };
  }, props.deps);
  return <figure class={props.class ?? 'plot'} aria-label={props.label} ref={ref} />;
}
