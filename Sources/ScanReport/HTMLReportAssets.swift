import ScanCore

/// The HTML report's only style sheet and script. They are constants so that their hashes,
/// which the Content-Security-Policy allows, never depend on the data.
enum HTMLReportAssets {
    static let style = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:64rem;padding:1rem 1.5rem;color:#1d2329;background:#fff}
        h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.6rem 0 .6rem;border-bottom:1px solid #d8dee4;padding-bottom:.2rem}
        h3{font-size:1rem;margin:0 0 .3rem}.meta{color:#57606a;font-size:.9rem}
        table{border-collapse:collapse;margin:.4rem 0}th,td{border:1px solid #d8dee4;padding:.25rem .6rem;text-align:right}th:first-child,td:first-child{text-align:left}
        .chart{display:block;margin:.6rem 0}.filters label{margin-right:1rem;white-space:nowrap}
        article.post{border:1px solid #d8dee4;border-radius:6px;padding:.7rem .9rem;margin:.7rem 0}
        ul.findings{list-style:none;padding:0;margin:0}li.finding{padding:.45rem 0;border-top:1px dashed #e3e7eb}
        .sev{display:inline-block;min-width:4.2em;text-align:center;font-weight:600;font-size:.75rem;border-radius:3px;padding:.05rem .3rem;color:#fff}
        .sev-high{background:#b42318}.sev-medium{background:#b54708}.sev-low{background:#175cd3}.sev-info{background:#667085}
        .snippet{display:block;margin-top:.25rem;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;background:#f6f8fa;padding:.3rem .45rem;border-radius:4px;overflow-wrap:anywhere}
        mark{background:#ffe58f;padding:0 .1rem}code{font-size:.85rem}.problems li{margin:.2rem 0}.empty{color:#57606a}
        """

    static let script = """
        (function(){var boxes=Array.prototype.slice.call(document.querySelectorAll('input[data-filter]'));
        function apply(){var on={category:{},severity:{}};boxes.forEach(function(b){if(b.checked){on[b.getAttribute('data-filter')][b.value]=true;}});
        Array.prototype.forEach.call(document.querySelectorAll('li.finding'),function(li){li.hidden=!(on.category[li.getAttribute('data-category')]&&on.severity[li.getAttribute('data-severity')]);});
        Array.prototype.forEach.call(document.querySelectorAll('article.post'),function(a){a.hidden=a.querySelectorAll('li.finding:not([hidden])').length===0;});}
        boxes.forEach(function(b){b.addEventListener('change',apply);});apply();})();
        """

    /// The Content-Security-Policy: nothing may load; only this style sheet and script may run.
    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'sha256-\(ScanCore.Digest.sha256Base64(style))'; "
            + "script-src 'sha256-\(ScanCore.Digest.sha256Base64(script))'; img-src 'none'; "
            + "base-uri 'none'; form-action 'none'"
    }
}
