/// The proofs' style sheet (inline in each page: a proof loads nothing) and the filter rules.
///
/// Filtering needs no script: each filter is a checkbox placed before the page's `.layout`; CSS
/// `:checked` selectors hide the marks, badges and panel entries of an unchecked severity or stage.
enum ProofStyle {
    static let base = """
    body{margin:0;font:15px/1.5 "Noto Serif","Noto Serif CJK KR",Georgia,serif;color:#222;background:#fafafa}
    input.f{position:absolute;left:-9999px}
    .layout{display:grid;grid-template-columns:minmax(0,1fr) 30rem;gap:1.5rem;padding:1rem 1.5rem}
    nav.filters{grid-column:1/3;font:13px/1.4 sans-serif;display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
    nav.filters label{border:1px solid #999;border-radius:1em;padding:.1em .7em;cursor:pointer;background:#eee;text-decoration:line-through;color:#777}
    main{background:#fff;padding:1rem 2rem;box-shadow:0 0 3px #ccc;max-width:46rem}
    aside.panel{font:13px/1.4 sans-serif;position:sticky;top:0;max-height:100vh;overflow:auto}
    aside.panel ol{padding-left:0;list-style:none}
    aside.panel li{border-left:4px solid #999;background:#fff;margin:.3rem 0;padding:.3rem .5rem}
    aside.panel li.sev-error{border-color:#c0392b}aside.panel li.sev-warning{border-color:#e0a800}aside.panel li.sev-info{border-color:#2e86c1}
    aside.panel li.chg{border-color:#27ae60}
    .rule{font-family:monospace}.sev{font-weight:bold;text-transform:uppercase;font-size:11px}
    .edit del{background:#fdd}.edit ins{background:#dfd;text-decoration:none}
    ul.notes{list-style:none;padding-left:1rem}
    mark{background:none;padding:0 1px}
    mark.sev-error{background:#f8c7c1;border-bottom:2px solid #c0392b}
    mark.sev-warning{background:#fde9a6;border-bottom:2px solid #e0a800}
    mark.sev-info{background:#d4e8f7;border-bottom:2px dotted #2e86c1}
    mark.chg{background:#d5f5e3;border-bottom:2px solid #27ae60}
    a.badge,sup.badge{font:bold 10px sans-serif;vertical-align:super;color:#fff;background:#555;border-radius:.6em;padding:0 .35em;margin-left:1px;text-decoration:none}
    .badge.sev-error{background:#c0392b}.badge.sev-warning{background:#b38600}.badge.sev-info{background:#2e86c1}.badge.chg{background:#27ae60}
    :target{outline:2px solid #000}
    table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .4rem;vertical-align:top}
    .dash td.ok{background:#e8f8ee}.dash td.warnings{background:#fdf3d0}.dash td.errors{background:#f8d7d3}.dash td.skipped{background:#eee;color:#777}
    """

    /// The rules that show each filter's state and hide what an unchecked filter covers. `filters` are the
    /// checkbox ids paired with the class they filter (`f-sev-error` / `sev-error`, `f-st-2` / `st-2`).
    static func filters(_ filters: [(id: String, cssClass: String)]) -> String {
        var css = ""
        for f in filters {
            let off = "#\(f.id):not(:checked) ~ .layout"
            css += "#\(f.id):checked ~ .layout label[for=\(f.id)]{text-decoration:none;color:#000;background:#fff}\n"
            css += "\(off) mark.\(f.cssClass){background:none;border:0}\n"
            css += "\(off) .badge.\(f.cssClass),\(off) li.\(f.cssClass){display:none}\n"
        }
        return css
    }
}
