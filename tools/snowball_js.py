"""Vendor Snowball stemmers for the browser: translate snowballstemmer's Python into JavaScript.

The search index is built in Python with snowballstemmer and queried in the browser, so both sides
must stem every word identically. No npm package carries the output of Snowball 3.1.1 (the ones on
npm are ports of 2013-2015 algorithms, without Serbian), so this tool translates the pinned
package's own generated code, statement by statement, from its syntax tree. The Python files are
machine-written by the Snowball compiler from a tiny set of shapes (assignments, `if`, `while True`,
`try ... except labN: pass` used as a labelled block, calls on the stemmer); anything else stops the
tool rather than being guessed. The shared test vectors prove the result stems like Python.

    .venv/bin/python tools/snowball_js.py english romanian serbian russian hungarian greek

writes `theme/static/js/search/stemmers/<algorithm>.js`; `base-stemmer.js` beside them is the
hand-ported runtime (snowballstemmer/basestemmer.py).
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from importlib import metadata
from pathlib import Path

import snowballstemmer

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "theme" / "static" / "js" / "search" / "stemmers"
PACKAGE = Path(snowballstemmer.__file__).parent
LICENCE = (PACKAGE.parent / f"snowballstemmer-{metadata.version('snowballstemmer')}.dist-info"
           / "licenses" / "COPYING")

OPERATORS = {ast.Eq: "===", ast.NotEq: "!==", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
             ast.Add: "+", ast.Sub: "-", ast.And: "&&", ast.Or: "||"}

WRAPPER = """\
(function (root, factory) {{
  if (typeof module === "object" && module.exports) {{
    module.exports = factory(require("./base-stemmer.js"));
  }} else {{
    if (!root.HubSnowball) throw new Error("load stemmers/base-stemmer.js before stemmers/{file}.js");
    root.HubSnowball[{name}] = factory(root.HubSnowball);
  }}
}})(typeof self !== "undefined" ? self : this, function (snowball) {{
"use strict";
var BaseStemmer = snowball.BaseStemmer;
{body}
return {cls};
}});
"""


class Unsupported(Exception):
    """A construct the Snowball generator does not emit: stop instead of guessing."""


def js_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def routine(name: str) -> str:
    """`__r_step_1` (private in Python) becomes `r_step_1`."""
    return name[2:] if name.startswith("__") else name


class Expression:
    """Translates one expression of a stemmer method."""

    def __init__(self, cls: str):
        self.cls = cls

    def __call__(self, node: ast.expr) -> str:
        method = getattr(self, type(node).__name__, None)
        if method is None:
            raise Unsupported(f"expression {ast.dump(node)}")
        return method(node)

    def Constant(self, node):
        if isinstance(node.value, bool):
            return "true" if node.value else "false"
        if isinstance(node.value, str):
            return js_string(node.value)
        if isinstance(node.value, int):
            return str(node.value)
        raise Unsupported(f"constant {node.value!r}")

    def Name(self, node):
        return node.id

    def Attribute(self, node):
        owner = node.value
        if isinstance(owner, ast.Name) and owner.id == "self":
            return f"this.{routine(node.attr)}"
        if isinstance(owner, ast.Name) and owner.id == self.cls:
            return f"{self.cls}.{node.attr}"
        raise Unsupported(f"attribute {ast.dump(node)}")

    def Call(self, node):
        if node.keywords:
            raise Unsupported("keyword arguments")
        if isinstance(node.func, ast.Name) and node.func.id == "len" and len(node.args) == 1:
            return f"{self(node.args[0])}.length"
        if not isinstance(node.func, ast.Attribute):
            raise Unsupported(f"call {ast.dump(node)}")
        return f"{self(node.func)}({', '.join(self(arg) for arg in node.args)})"

    def Compare(self, node):
        if len(node.ops) != 1:
            raise Unsupported("chained comparison")
        return f"{self(node.left)} {OPERATORS[type(node.ops[0])]} {self(node.comparators[0])}"

    def BoolOp(self, node):
        joiner = f" {OPERATORS[type(node.op)]} "
        return "(" + joiner.join(f"({self(value)})" for value in node.values) + ")"

    def BinOp(self, node):
        if type(node.op) not in (ast.Add, ast.Sub):
            raise Unsupported(f"operator {node.op}")
        return f"({self(node.left)} {OPERATORS[type(node.op)]} {self(node.right)})"

    def UnaryOp(self, node):
        if isinstance(node.op, ast.Not):
            return f"!({self(node.operand)})"
        if isinstance(node.op, ast.USub):
            return f"-{self(node.operand)}"
        raise Unsupported(f"unary {node.op}")

    def Subscript(self, node):
        return f"{self(node.value)}[{self(node.slice)}]"


class Method:
    """Translates one method body; Python's `try/except labN` becomes a JavaScript labelled block."""

    def __init__(self, cls: str):
        self.expr = Expression(cls)
        self.lines: list[str] = []

    def translate(self, function: ast.FunctionDef) -> list[str]:
        if [arg.arg for arg in function.args.args] != ["self"]:
            raise Unsupported(f"arguments of {function.name}")
        local = sorted({target.id for node in ast.walk(function) if isinstance(node, (ast.Assign, ast.AugAssign))
                        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
                        if isinstance(target, ast.Name)})
        self.lines = [f"{routine(function.name)}() {{"]
        if local:
            self.lines.append(f"  var {', '.join(local)};")
        self.block(function.body, 1)
        self.lines.append("}")
        return self.lines

    def emit(self, depth: int, text: str):
        self.lines.append("  " * depth + text)

    def block(self, body: list[ast.stmt], depth: int):
        for statement in body:
            method = getattr(self, type(statement).__name__, None)
            if method is None:
                raise Unsupported(f"statement {ast.dump(statement)}")
            method(statement, depth)

    def Expr(self, node, depth):
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return  # a docstring
        self.emit(depth, f"{self.expr(node.value)};")

    def Assign(self, node, depth):
        if len(node.targets) != 1:
            raise Unsupported("multiple assignment")
        self.emit(depth, f"{self.expr(node.targets[0])} = {self.expr(node.value)};")

    def AugAssign(self, node, depth):
        self.emit(depth, f"{self.expr(node.target)} {OPERATORS[type(node.op)]}= {self.expr(node.value)};")

    def Return(self, node, depth):
        self.emit(depth, "return;" if node.value is None else f"return {self.expr(node.value)};")

    def Break(self, node, depth):
        self.emit(depth, "break;")

    def Continue(self, node, depth):
        self.emit(depth, "continue;")

    def Pass(self, node, depth):
        pass

    def If(self, node, depth, keyword="if"):
        self.emit(depth, f"{keyword} ({self.expr(node.test)}) {{")
        self.block(node.body, depth + 1)
        if len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If):
            self.If(node.orelse[0], depth, "} else if")
            return
        if node.orelse:
            self.emit(depth, "} else {")
            self.block(node.orelse, depth + 1)
        self.emit(depth, "}")

    def While(self, node, depth):
        if node.orelse or not (isinstance(node.test, ast.Constant) and node.test.value is True):
            raise Unsupported("while other than `while True`")
        self.emit(depth, "while (true) {")
        self.block(node.body, depth + 1)
        self.emit(depth, "}")

    def Try(self, node, depth):
        label = self.label_of(node)
        self.emit(depth, f"{label}: {{")
        self.block(node.body, depth + 1)
        self.emit(depth, "}")

    def Raise(self, node, depth):
        call = node.exc
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id.startswith("lab")):
            raise Unsupported(f"raise {ast.dump(node)}")
        self.emit(depth, f"break {call.func.id};")

    @staticmethod
    def label_of(node: ast.Try) -> str:
        handlers = node.handlers
        if (node.orelse or node.finalbody or len(handlers) != 1 or not isinstance(handlers[0].type, ast.Name)
                or not handlers[0].type.id.startswith("lab")
                or [type(s) for s in handlers[0].body] != [ast.Pass]):
            raise Unsupported("try other than `try ... except labN: pass`")
        return handlers[0].type.id


def among_table(node: ast.List, cls: str) -> str:
    rows = []
    for call in node.elts:
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "Among"):
            raise Unsupported("among table entry")
        if len(call.args) != 3:
            raise Unsupported("among entry with a routine")  # none of the vendored algorithms has one
        text, substring, result = (ast.literal_eval(arg) for arg in call.args)
        rows.append(f"[{js_string(text)}, {substring}, {result}]")
    return "[\n  " + ",\n  ".join(rows) + "\n]"


def class_attribute(node: ast.Assign, cls: str, fields: list[str], statics: list[str]):
    name = node.targets[0].id
    value = node.value
    if isinstance(value, ast.List):
        statics.append(f"{cls}.{name} = {among_table(value, cls)};")
    elif isinstance(value, ast.Set):
        # A grouping: membership of one character, so a string of its characters serves.
        chars = [ast.literal_eval(elt) for elt in value.elts]
        if any(len(char) != 1 for char in chars):
            raise Unsupported(f"grouping {name}")
        statics.append(f"{cls}.{name} = {js_string(''.join(chars))};")
    elif isinstance(value, ast.Tuple):
        items = [js_string(ast.literal_eval(elt)) for elt in value.elts]
        statics.append(f"{cls}.{name} = [{', '.join(items)}];")
    elif isinstance(value, ast.Constant) and isinstance(value.value, str):
        statics.append(f"{cls}.{name} = {js_string(value.value)};")
    elif isinstance(value, ast.Constant):
        # Per-word variables (I_p1, B_Y_found): instance fields, as in Python.
        fields.append(f"    this.{name} = {Expression(cls)(value)};")
    else:
        raise Unsupported(f"class attribute {name}")


def translate(algorithm: str) -> str:
    source = (PACKAGE / f"{algorithm}_stemmer.py").read_text(encoding="utf-8")
    module = ast.parse(source)
    stemmer = next(node for node in module.body if isinstance(node, ast.ClassDef) and node.name.endswith("Stemmer"))
    cls = stemmer.name
    fields: list[str] = []
    statics: list[str] = []
    methods: list[str] = []
    for node in stemmer.body:
        if isinstance(node, ast.Expr):
            continue  # the docstring
        if isinstance(node, ast.Assign):
            class_attribute(node, cls, fields, statics)
        elif isinstance(node, ast.FunctionDef):
            methods.extend("  " + line for line in Method(cls).translate(node))
        else:
            raise Unsupported(f"class member {ast.dump(node)}")
    constructor = ["  constructor() {", "    super();", *fields, "  }"]
    body = "\n".join([f"class {cls} extends BaseStemmer {{", *constructor, *methods, "}", *statics])
    return header(source.splitlines()[0].lstrip("# ")) + WRAPPER.format(name=js_string(algorithm), file=algorithm, cls=cls, body=body)


def header(origin: str) -> str:
    licence = LICENCE.read_text(encoding="utf-8").rstrip()
    return ("/*\n * Translated by tools/snowball_js.py from snowballstemmer "
            f"{metadata.version('snowballstemmer')}; do not edit.\n * {origin}\n *\n"
            + "\n".join(f" * {line}".rstrip() for line in licence.splitlines()) + "\n */\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("algorithms", nargs="+", help="snowballstemmer algorithm names, e.g. serbian")
    args = parser.parse_args(argv)
    for algorithm in args.algorithms:
        if algorithm not in snowballstemmer.algorithms():
            parser.error(f"snowballstemmer has no algorithm {algorithm!r}")
        target = TARGET / f"{algorithm}.js"
        target.write_text(translate(algorithm), encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
