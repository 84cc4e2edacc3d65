"""The HTML report's look: its one stylesheet, and the Content Security Policy that admits only it.

The stylesheet is inline (the page loads nothing), with a dark variant; the verdict
filters are CSS alone (``:checked`` checkboxes hide the claims of an unchecked verdict).
"""

from __future__ import annotations

import base64
import hashlib

#: The page's stylesheet; any change to it changes the hash in :data:`CSP`, so the two stay in step.
CSS = """\
:root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;
--holds:#1a7f37;--loose:#0969da;--fails:#cf222e;--undet:#9a6700;--error:#cf222e;--warning:#9a6700;--info:#59636e}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;
--card:#151b23;--holds:#3fb950;--loose:#4493f8;--fails:#f85149;--undet:#d29922;--error:#f85149;
--warning:#d29922;--info:#9198a1}}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);
background:var(--bg)}
header,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:0}h4{font-size:.9rem;margin:.75rem 0 .25rem}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--bg);border:1px solid var(--line);
padding:.5rem}
a{color:var(--loose)}
.muted{color:var(--muted)}
.status{font-weight:600;padding:.5rem .75rem;border-left:4px solid var(--holds)}
.status.fail{border-color:var(--fails)}
table{border-collapse:collapse;margin:.25rem 0}
th,td{border:1px solid var(--line);padding:.2rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.counts{display:flex;flex-wrap:wrap;gap:1.5rem}
.badge{display:inline-block;border-radius:1em;padding:0 .6em;font-size:.8rem;font-weight:600;color:#fff;
background:var(--muted)}
.b-holds{background:var(--holds)}.b-holds-loosely{background:var(--loose)}.b-fails{background:var(--fails)}
.b-undetermined{background:var(--undet)}.b-error{background:var(--error)}.b-warning{background:var(--warning)}
.b-info{background:var(--info)}
.filter{position:absolute;opacity:0;width:1px;height:1px}
.filters label{display:inline-block;margin:0 .5rem .5rem 0;padding:.15rem .6rem;border:1px solid var(--line);
border-radius:1em;cursor:pointer;user-select:none}
.filters label::before{content:"\\2610\\00a0"}
#show-holds:checked~.filters [for=show-holds]::before,
#show-holds-loosely:checked~.filters [for=show-holds-loosely]::before,
#show-fails:checked~.filters [for=show-fails]::before,
#show-undetermined:checked~.filters [for=show-undetermined]::before{content:"\\2611\\00a0"}
#show-holds:focus-visible~.filters [for=show-holds],
#show-holds-loosely:focus-visible~.filters [for=show-holds-loosely],
#show-fails:focus-visible~.filters [for=show-fails],
#show-undetermined:focus-visible~.filters [for=show-undetermined]{outline:2px solid var(--loose)}
#show-holds:not(:checked)~.claims .v-holds,
#show-holds-loosely:not(:checked)~.claims .v-holds-loosely,
#show-fails:not(:checked)~.claims .v-fails,
#show-undetermined:not(:checked)~.claims .v-undetermined{display:none}
.claim{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--muted);
border-radius:4px;padding:.5rem .75rem;margin:.75rem 0}
.claim.v-holds{border-left-color:var(--holds)}.claim.v-holds-loosely{border-left-color:var(--loose)}
.claim.v-fails{border-left-color:var(--fails)}.claim.v-undetermined{border-left-color:var(--undet)}
.claim.changed{outline:2px solid var(--error)}
.claim p{margin:.25rem 0}
blockquote{margin:.4rem 0;padding-left:.75rem;border-left:3px solid var(--line);font-style:italic}
.recorded.changed{color:var(--error);font-weight:600}
ul{margin:.25rem 0;padding-left:1.25rem}
li{margin:.15rem 0;overflow-wrap:anywhere}
.t-true{color:var(--holds)}.t-false{color:var(--fails)}.t-unknown{color:var(--undet)}
details summary{cursor:pointer;color:var(--muted)}
footer{margin:2rem auto;color:var(--muted);font-size:.85rem}
"""
#: Allows the inline stylesheet by its sha256 hash and nothing else: no script, image, font, frame or
#: request of any kind.
CSP = (
    "default-src 'none'; "
    f"style-src 'sha256-{base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()}'; "
    "img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'"
)
