/// The one stylesheet, served from code so the binary needs no files beside it.
/// Colours meet WCAG 2.1 AA contrast on their backgrounds.
enum Stylesheet {
    /// The colours, shared with the council report's print stylesheet.
    static let palette = """
    :root { --ink: #1b1f24; --muted: #4a5560; --accent: #0b5394; --line: #d0d7de; --paper: #ffffff; --soft: #f3f5f7; }
    """

    /// The charts' styles (SVG), shared with the council report's print stylesheet.
    static let charts = """
    .chart-block { margin: 1.5rem 0; max-width: 48rem; }
    .chart-block.compact { max-width: 34rem; }
    form.selector select { max-width: 22rem; }
    svg.chart { width: 100%; height: auto; font-size: 13px; }
    svg.chart .chart-title { font-weight: 700; font-size: 15px; fill: var(--ink); }
    svg.chart .bar-label, svg.chart .bar-value, svg.chart .tick { fill: var(--ink); }
    svg.chart .axis-label, svg.chart .chart-source { fill: var(--muted); font-size: 12px; }
    svg.chart .grid { stroke: var(--line); }
    svg.chart .zero { stroke: var(--ink); }
    svg.chart .reference { stroke: var(--ink); stroke-dasharray: 4 3; }
    svg.chart .area-label { fill: var(--ink); font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 3px; pointer-events: none; }
    svg.chart .selected { stroke: var(--ink); stroke-width: 3; }
    tr.selected td { font-weight: 600; background: #eef4fb; }
    svg.chart .network-link { stroke: #4a4a4a; stroke-opacity: .55; }
    svg.chart .network-link.secondary { stroke: #8a8a8a; stroke-dasharray: 4 3; }
    svg.chart .network-node { stroke: #fff; stroke-width: 1.5; }
    svg.chart .node-label { fill: var(--ink); font-size: 12px; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
    """

    static let css = """
    \(palette)
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); }
    a { color: var(--accent); }
    a:focus, a:hover { outline: 2px solid var(--accent); outline-offset: 2px; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: .5rem; }
    header.site { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: center; padding: .75rem 1.5rem; border-bottom: 1px solid var(--line); }
    .brand { font-weight: 700; font-size: 1.25rem; text-decoration: none; color: var(--ink); }
    nav ul { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; margin: 0; padding: 0; }
    nav a[aria-current="page"] { font-weight: 700; text-decoration: none; border-bottom: 3px solid var(--accent); }
    .tag { font-size: .8em; color: var(--muted); white-space: nowrap; }
    /* A table with many columns (the ranking) scrolls in its own box at every width. */
    main table.wide { display: block; overflow-x: auto; max-width: 100%; }
    nav.subnav { padding: .5rem 1.5rem; border-bottom: 1px solid var(--line); background: var(--soft); }
    ul.showcase { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; list-style: none; padding: 0; }
    ul.showcase li { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 1rem; }
    ul.showcase h3 { margin: 0 0 .25rem; }
    .demo-banner { background: #fff4ce; border-bottom: 2px solid #8a6d00; padding: .6rem 1.5rem; }
    main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
    h1 { margin-top: 0; }
    .lead { color: var(--muted); }
    .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; margin: 1.5rem 0; padding: 0; }
    .figure { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 1rem; margin: 0; }
    .figure p { margin: 0; }
    .figure .label { color: var(--muted); }
    .figure .value { font-size: 2rem; font-weight: 700; }
    .figure .change { color: var(--muted); }
    table { border-collapse: collapse; margin: 1rem 0; }
    caption { text-align: left; font-weight: 700; padding-bottom: .5rem; }
    th, td { padding: .4rem .8rem; border-bottom: 1px solid var(--line); text-align: left; }
    td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
    .source { color: var(--muted); font-size: .9rem; }
    .notice { background: var(--soft); border-left: 4px solid var(--accent); padding: 1rem; }
    code { background: var(--soft); padding: .1rem .3rem; }
    form.account { margin-left: auto; display: flex; gap: .75rem; align-items: center; }
    form.stacked { display: grid; gap: .4rem; max-width: 26rem; margin: 1rem 0; }
    /* A select with a long option shrinks to its form instead of widening the page (phones). */
    form.stacked > *, .field > * { min-width: 0; }
    select, input { max-width: 100%; }
    form.stacked button { justify-self: start; margin-top: .5rem; }
    form.inline { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .5rem 0; }
    input, select, button { font: inherit; padding: .3rem .5rem; }
    button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: .35rem .9rem; cursor: pointer; }
    button:focus, input:focus, select:focus { outline: 2px solid var(--accent); outline-offset: 2px; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    pre { background: var(--soft); padding: .75rem; overflow-x: auto; }
    \(charts)
    .trends { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
    .trends .chart-block { margin: .5rem 0; }
    .chart-block.narrow { max-width: 26rem; }
    .tops { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
    .tops h2 { font-size: 1.1rem; }
    header.site .language { margin-left: auto; }
    header.site .language + form.account { margin-left: 0; }
    .pages { margin: 1rem 0; }
    .pages a { margin-right: 1rem; }
    th a { color: inherit; }
    tr.overdue td, li.overdue { background: #fdecea; }
    .board { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; align-items: start; }
    .board .stage { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: .5rem; }
    .board h2 { font-size: 1rem; margin: .25rem 0 .5rem; }
    .board ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; }
    .board .card { background: var(--paper); border: 1px solid var(--line); border-radius: 4px; padding: .4rem .6rem; }
    .board .card p { margin: 0; }
    .subnav-inline { margin: .5rem 0; }
    .late { color: #a4000f; font-weight: 600; }
    .field { display: grid; gap: .2rem; margin-bottom: .6rem; }
    .field .hint { color: var(--muted); font-size: .9rem; }
    .field-error { color: #a4000f; margin: 0; font-weight: 600; }
    [aria-invalid="true"] { border: 2px solid #a4000f; }
    .error-summary { border-left-color: #a4000f; }
    fieldset.checkboxes { border: 1px solid var(--line); padding: .5rem 1rem; }
    fieldset.checkboxes label { display: block; }
    fieldset.picker { border: 1px solid var(--line); padding: .5rem 1rem; }
    fieldset.picker ul { list-style: none; margin: .25rem 0; padding: 0; }
    fieldset.picker ul.found { border-left: 3px solid var(--line); padding-left: .5rem; }
    .picker-search { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
    .picker-search label { flex-basis: 100%; color: var(--muted); }
    .picker-search input { flex: 1; min-width: 10rem; }
    button.pick { background: none; color: var(--accent); border: 0; padding: .15rem 0; text-align: left; text-decoration: underline; }
    details > summary { cursor: pointer; color: var(--accent); margin: .5rem 0; }
    textarea { font: inherit; padding: .3rem .5rem; width: 100%; max-width: 40rem; }
    a.button { display: inline-block; background: var(--accent); color: #fff; padding: .35rem .9rem; border-radius: 4px; text-decoration: none; }
    button.secondary { background: #fff; color: #a4000f; border: 1px solid #a4000f; }
    button.plain { background: var(--soft); color: var(--ink); border: 1px solid var(--line); }
    .actions { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; }
    .actions form { margin: 0; }
    .status { display: inline-block; padding: .05rem .5rem; border-radius: 4px; border: 1px solid; font-size: .9em; white-space: nowrap; }
    .status-met { background: #e6f4ea; border-color: #1e7b34; color: #14532d; }
    .status-on_track { background: #e8f1fb; border-color: #0b5cad; color: #083d73; }
    .status-at_risk { background: #fff4d6; border-color: #8a5a00; color: #5c3b00; }
    .status-off_track { background: #fde8e8; border-color: #b3261e; color: #7a1a14; }
    .status-none { background: #f2f2f2; border-color: #777; color: #333; }
    .status-quiet { background: #e6f4ea; border-color: #1e7b34; color: #14532d; }
    .status-watch { background: #fff4d6; border-color: #8a5a00; color: #5c3b00; }
    .status-triggered { background: #fde8e8; border-color: #b3261e; color: #7a1a14; }
    th .hint { font-weight: normal; }
    .score-cell { border-top: 1px solid #ddd; padding-top: 0.5rem; }
    .value.small { font-size: 1.2rem; }
    .badge { display: inline-block; background: #e6f4ea; border: 1px solid #1e7b34; color: #14532d; padding: .2rem .6rem; border-radius: 4px; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.5rem; }
    dt { color: var(--muted); }
    dd { margin: 0; }
    footer.site { border-top: 1px solid var(--line); padding: 1rem 1.5rem; color: var(--muted); font-size: .9rem; }
    .menu-toggle, .menu-button { display: none; }
    /* Phones: nothing wider than the screen. Tables scroll inside their own box, wide charts keep
       a width at which their text is at least 11 px and scroll in theirs, the menu folds away. */
    @media (max-width: 48rem) {
      header.site { gap: .75rem; padding: .75rem 1rem; }
      main { padding: 1rem; }
      nav.subnav { padding: .5rem 1rem; }
      main table { display: block; overflow-x: auto; max-width: 100%; }
      h1 { font-size: 1.6rem; overflow-wrap: anywhere; }
      .chart-block { overflow-x: auto; }
      svg.chart.wide { min-width: 41rem; }
      .menu-button { display: inline-block; border: 1px solid var(--line); border-radius: 4px; padding: .3rem .8rem; cursor: pointer; }
      .menu-toggle:focus-visible + .menu-button { outline: 2px solid var(--accent); outline-offset: 2px; }
      .menu-toggle { display: block; position: absolute; opacity: 0; width: 1px; height: 1px; }
      nav.main { display: none; flex-basis: 100%; order: 10; }
      .menu-toggle:checked ~ nav.main { display: block; }
      nav.main ul { flex-direction: column; gap: .5rem; }
      dl { grid-template-columns: 1fr; }
      form.stacked, textarea { max-width: 100%; }
    }
    /* Print: the figures for the council, without navigation and controls; charts keep their colours, never split. */
    @media print {
      @page { margin: 1.5cm; }
      body { font-size: 11pt; }
      header.site nav, .menu-button, nav.subnav, form.account, form.selector, .skip, .language, .pages { display: none; }
      header.site { border: 0; padding: 0 0 .5rem; }
      main { max-width: none; padding: 0; }
      .demo-banner { border: 2px solid #000; background: none; }
      a { color: inherit; text-decoration: none; }
      .chart-block, table, .figure { break-inside: avoid; }
      tr { break-inside: avoid; }
      .trends, .tops { display: block; }
      svg.chart { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      a[href$="formaat=csv"] { display: none; }
      .no-print, form.stacked, form.inline { display: none; }
    }
    """
}
