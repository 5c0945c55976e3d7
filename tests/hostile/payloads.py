"""XSS payloads placed in every field that reaches a page, a feed or a sitemap."""

import json

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "'><script>alert(1)</script>",
    "javascript:alert(1)",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<body onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<style>@import 'javascript:alert(1)';</style>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\" javascript:alert(1)\">x</a>",
    "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
    "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
    "{{ 7*7 }}{{ self.__init__.__globals__ }}",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "--><script>alert(1)</script>",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<form action=\"javascript:alert(1)\"><button>x</button></form>",
    "<button formaction=\"javascript:alert(1)\">x</button>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<select onfocus=alert(1) autofocus>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<scr<script>ipt>alert(1)</script>",
    "<<script>alert(1)//<</script>",
    "\" onmouseover=\"alert(1)",
    "' onmouseover='alert(1)",
    "`onmouseover=alert(1)`",
    "<a href=\"&#106;avascript:alert(1)\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<link rel=import href=\"data:text/html,<script>alert(1)</script>\">",
    "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<math><style><img src=x onerror=alert(1)></style></math>",
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "[x](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<https://x.org/\"onmouseover=\"alert(1)>",
    "<img src=x onerror=&#97;lert(1)>",
]

TERMS = [f"term-{n}" for n in range(5)]


def q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def hostile_site(languages: list[str]) -> dict[str, str]:
    files = {"data/topics.yaml": "".join(
        f"{term}:\n" + "".join(f"  {code}: {q(PAYLOADS[n] + ' label')}\n" for code in languages)
        for n, term in enumerate(TERMS))}
    for n, payload in enumerate(PAYLOADS):
        body = (f"{payload}\n\nText [link]({payload}) and ![image]({payload}) and <{payload}>.\n\n"
                f"```{payload}\ncode {payload}\n```\n\n> {payload}\n\n- {payload}\n")
        files[f"news/item-{n:02d}.md"] = (
            f"---\ntitle: {q(payload + ' title')}\ndate: 2025-01-{n % 28 + 1:02d}\nsummary: {q(payload)}\n"
            f"authors: [{q(payload)}]\ntopics: [{TERMS[n % len(TERMS)]}]\n---\n{body}")
        files[f"sr/news/item-{n:02d}.md"] = f"---\ntitle: {q('Српски ' + payload)}\nsummary: {q(payload)}\n---\n{body}"
    files["pages/about.md"] = f"---\ntitle: {q(PAYLOADS[1] + ' menu')}\nmenu: 1\n---\n{PAYLOADS[0]}\n"
    return files
