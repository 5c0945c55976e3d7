"""The GitHub workflows and templates under .github/: what they run, and that GitHub will accept them.

The checks are structural (what each step runs, that every command exists, GitHub's form schema);
actionlint is not used: it is neither on PyPI as a wheel nor in Debian, and a test that always skips
proves nothing.
"""

from __future__ import annotations

import ast
import re
import shlex
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")


PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$")


def load(path: Path) -> dict:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in document:  # YAML 1.1 reads the key `on` as the boolean true
        document["on"] = document.pop(True)
    return document


def steps(workflow: dict, job: str | None = None) -> list[dict]:
    jobs = [workflow["jobs"][job]] if job else workflow["jobs"].values()
    return [step for j in jobs for step in j.get("steps", [])]


def uses(workflow: dict, action: str, job: str | None = None) -> list[dict]:
    return [s for s in steps(workflow, job) if s.get("uses", "").split("@")[0] == action]


def runs(workflow: dict, text: str, job: str | None = None) -> list[dict]:
    return [s for s in steps(workflow, job) if text in s.get("run", "")]


def position(workflow: dict, step: dict) -> int:
    return next(i for i, s in enumerate(steps(workflow)) if s is step)


def one(found: list[dict], what: str) -> dict:
    assert len(found) == 1, f"expected exactly one step that {what}, found {len(found)}"
    return found[0]


def invoke_tasks() -> set[str]:
    """Task names in tasks.py as invoke spells them (build_all -> build-all)."""
    names = set()
    for node in ast.parse((ROOT / "tasks.py").read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            target = call.func if call else decorator
            if isinstance(target, ast.Name) and target.id == "task":
                named = [k.value.value for k in (call.keywords if call else [])
                         if k.arg == "name" and isinstance(k.value, ast.Constant)]
                names.add(named[0] if named else node.name.replace("_", "-"))
    return names


def hub_commands() -> set[str]:
    """The commands of the ./hub script (its `case` labels)."""
    return set(re.findall(r"^\s*([a-z-]+)\)", (ROOT / "hub").read_text(encoding="utf-8"), re.MULTILINE))


def commands(script: str, program: str) -> list[list[str]]:
    """Every call of `program` (its arguments) in a shell script, line by line."""
    found = []
    for line in script.splitlines():
        for part in re.split(r"&&|\|\||[;|]", line):
            try:
                words = shlex.split(part, comments=True)
            except ValueError:
                words = part.split()
            if words and Path(words[0]).name == program.lstrip("./") and words[0].endswith(program.lstrip(".")):
                found.append(words[1:])
    return found


@pytest.fixture(scope="module")
def pr():
    return load(GITHUB / "workflows" / "pr.yml")


@pytest.fixture(scope="module")
def deploy():
    return load(GITHUB / "workflows" / "deploy.yml")


def test_pull_requests_are_checked_built_tested_and_previewed(pr):
    assert "pull_request" in pr["on"]
    assert pr["permissions"] == {"contents": "read"}
    writers = {name: job["permissions"] for name, job in pr["jobs"].items() if "permissions" in job}
    assert writers == {"comment": {"pull-requests": "write"}}
    assert not uses(pr, "actions/checkout", "comment"), "the job that may write runs none of the pull request's code"
    assert pr["concurrency"]["cancel-in-progress"] is True and "${{" in pr["concurrency"]["group"]

    checkout = one(uses(pr, "actions/checkout"), "checks out")
    assert checkout["with"]["fetch-depth"] == 0, "translation status needs the whole history"
    assert str(one(uses(pr, "actions/setup-python"), "sets up Python")["with"]["python-version"]) == "3.12"
    assert str(one(uses(pr, "actions/setup-node"), "sets up Node")["with"]["node-version"]) == "20"

    setup = one([s for s in steps(pr) if s.get("run", "").strip() == "./hub setup"], "runs ./hub setup")
    check = one(runs(pr, "invoke check --changed"), "checks the changed content")
    assert "--format github" in check["run"], "problems are annotations on the changed lines"
    build = one(runs(pr, "invoke build"), "builds the site")
    assert "--settings publishconf.py" in build["run"] and "--output public" in build["run"]
    test = one([s for s in steps(pr) if s.get("run", "").strip() == "./hub test"], "runs the tests")
    upload = one(uses(pr, "actions/upload-artifact"), "uploads the preview")
    assert upload["with"]["path"].rstrip("/") == "public"
    summary = one(runs(pr, "invoke status --format text"), "writes the translation status")
    assert "--format text" in summary["run"] and '>> "$GITHUB_STEP_SUMMARY"' in summary["run"]
    assert "always()" in summary["if"] or "!cancelled()" in summary["if"], "translators need it even after a failure"

    comment = one(runs(pr, "tools/pr_comment.py"), "writes the comment")
    assert "steps.preview.outputs.artifact-url" in comment["env"]["PREVIEW_URL"] and upload["id"] == "preview"
    assert pr["jobs"]["check"]["outputs"]["comment"] == "${{ steps.comment.outputs.body }}"
    post = one(steps(pr, "comment"), "posts the comment")
    assert "gh pr comment" in post["run"] and post["env"]["BODY"] == "${{ needs.check.outputs.comment }}"

    order = [position(pr, s) for s in (checkout, setup, check, build, upload, comment)]
    assert order == sorted(order)
    assert position(pr, setup) < position(pr, test)


def test_main_is_deployed_to_github_pages(deploy):
    assert deploy["on"]["push"]["branches"] == ["main"] and "workflow_dispatch" in deploy["on"]
    assert deploy["permissions"] == {"contents": "read"}
    assert deploy["concurrency"]["cancel-in-progress"] is False

    build = one(runs(deploy, "invoke build", "build"), "builds the site")
    assert "--settings publishconf.py" in build["run"] and "--output public" in build["run"]
    assert build["env"]["HUB_SITEURL"] == "${{ vars.HUB_SITEURL }}"
    assert one(uses(deploy, "actions/checkout", "build"), "checks out")["with"]["fetch-depth"] == 0
    artifact = one(uses(deploy, "actions/upload-pages-artifact", "build"), "hands the site to Pages")
    assert artifact["uses"].endswith("@v3") and artifact["with"]["path"].rstrip("/") == "public"
    assert position(deploy, build) < position(deploy, artifact)

    job = deploy["jobs"]["deploy"]
    assert job["needs"] == "build"
    assert job["permissions"] == {"pages": "write", "id-token": "write"}
    assert job["environment"]["name"] == "github-pages"
    assert one(uses(deploy, "actions/deploy-pages", "deploy"), "deploys")["uses"].endswith("@v4")
    header = (GITHUB / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    assert "invoke publish --output public --target" in header, "say how to use another static host"
    assert "publish" in invoke_tasks()


def test_the_hubs_cache_is_kept_between_runs(pr, deploy):
    from hub_build.settings import SETTINGS

    folder = next(s.default for s in SETTINGS if s.name == "HUB_CACHE_PATH")
    for conf in ("pelicanconf.py", "publishconf.py"):
        assert "HUB_CACHE_PATH" not in (ROOT / conf).read_text(encoding="utf-8"), f"{conf} moves the cache"
    key = "hub-cache-${{ runner.os }}-${{ github.sha }}"

    restore = one(uses(pr, "actions/cache/restore"), "restores the cache")
    save = one(uses(pr, "actions/cache/save"), "saves the cache")
    assert restore["with"] == {"path": folder, "key": key, "restore-keys": "hub-cache-${{ runner.os }}-"}
    assert save["with"] == {"path": folder, "key": key}
    check, build = one(runs(pr, "invoke check"), "checks"), one(runs(pr, "invoke build"), "builds")
    test = one([s for s in steps(pr) if s.get("run", "").strip() == "./hub test"], "runs the tests")
    order = [position(pr, s) for s in (restore, check, build, save, test)]
    assert order == sorted(order), \
        "restored before the cache is used, saved with the production build's pages before the tests' builds"

    kept = one(uses(deploy, "actions/cache"), "keeps the cache")
    assert kept["with"] == {"path": folder, "key": key, "restore-keys": "hub-cache-${{ runner.os }}-"}
    assert position(deploy, kept) < position(deploy, one(runs(deploy, "invoke build", "build"), "builds"))


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_and_every_command_exists(path):
    workflow = load(path)
    assert workflow.get("name") and workflow.get("on") and workflow.get("jobs")
    tasks, hub = invoke_tasks(), hub_commands()
    for name, job in workflow["jobs"].items():
        assert "runs-on" in job, f"{path.name}: job {name} has no runs-on"
        for need in [job["needs"]] if isinstance(job.get("needs"), str) else job.get("needs", []):
            assert need in workflow["jobs"], f"{path.name}: job {name} needs unknown job {need}"
        ids = {step["id"] for step in job.get("steps", []) if "id" in step}
        for step in job.get("steps", []):
            assert ("uses" in step) != ("run" in step), f"{path.name}: a step needs exactly one of uses/run: {step}"
            if "uses" in step:
                assert PINNED.match(step["uses"]), f"{path.name}: {step['uses']} is not pinned to a version"
            for referenced in re.findall(r"steps\.([\w-]+)\.", yaml.safe_dump(step)):
                assert referenced in ids, f"{path.name}: job {name} refers to unknown step id {referenced}"
            for arguments in commands(step.get("run", ""), "invoke"):
                task = next((a for a in arguments if not a.startswith("-")), None)
                assert task in tasks, f"{path.name}: `invoke {task}` is not a task in tasks.py"
            for arguments in commands(step.get("run", ""), "./hub"):
                assert arguments and arguments[0] in hub, f"{path.name}: `./hub {arguments}` is not a hub command"


def test_the_helpers_read_tasks_and_commands():
    assert {"build", "test", "check-output", "bench-build"} <= invoke_tasks()
    assert hub_commands() == {"serve", "test", "setup"}
    script = "set -e\n.venv/bin/invoke build --output public && ./hub test  # ./hub nothing\necho invoke"
    assert commands(script, "invoke") == [["build", "--output", "public"]]
    assert commands(script, "./hub") == [["test"]]


FORM_KEYS = {"name", "description", "body", "assignees", "labels", "title", "projects", "type"}
ELEMENT_ATTRIBUTES = {
    "markdown": ({"value"}, {"value"}),   # (allowed, required)
    "textarea": ({"label", "description", "placeholder", "value", "render"}, {"label"}),
    "input": ({"label", "description", "placeholder", "value"}, {"label"}),
    "dropdown": ({"label", "description", "multiple", "options", "default"}, {"label", "options"}),
    "checkboxes": ({"label", "description", "options"}, {"label", "options"}),
}


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_issue_forms_follow_githubs_form_schema(path):
    form = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(form) <= FORM_KEYS, f"{path.name}: unknown keys {set(form) - FORM_KEYS}"
    for key in ("name", "description"):
        assert isinstance(form.get(key), str) and form[key].strip(), f"{path.name}: {key} must be a non-empty string"
    assert isinstance(form.get("body"), list) and form["body"], f"{path.name}: body must be a non-empty list"
    ids, labels = [], []
    for number, element in enumerate(form["body"]):
        where = f"{path.name}: body[{number}]"
        assert set(element) <= {"type", "id", "attributes", "validations"}, f"{where}: unknown keys"
        kind = element.get("type")
        assert kind in ELEMENT_ATTRIBUTES, f"{where}: unknown type {kind}"
        attributes = element.get("attributes") or {}
        allowed, required = ELEMENT_ATTRIBUTES[kind]
        assert set(attributes) <= allowed and required <= set(attributes), f"{where}: attributes {set(attributes)}"
        if kind == "markdown":
            assert "id" not in element and "validations" not in element, \
                f"{where}: markdown takes no id or validations"
            continue
        assert re.fullmatch(r"[A-Za-z0-9_-]+", str(element.get("id", ""))), \
            f"{where}: needs an id (letters, digits, - and _)"
        assert isinstance(attributes["label"], str) and attributes["label"].strip(), f"{where}: needs a label"
        ids.append(element["id"])
        labels.append(attributes["label"])
        assert set(element.get("validations", {})) <= {"required"}, f"{where}: validations may only say required"
        if kind == "dropdown":
            options = attributes["options"]
            assert options and all(isinstance(o, str) and o.strip() for o in options), f"{where}: options"
            assert len(set(options)) == len(options) and "None" not in options, \
                f"{where}: options must be unique, and not None"
        if kind == "checkboxes":
            assert all(set(o) <= {"label", "required"} and o.get("label") for o in attributes["options"]), where
    assert ids, f"{path.name}: a form needs at least one field that is not markdown"
    assert len(set(ids)) == len(ids) and len(set(labels)) == len(labels), \
        f"{path.name}: ids and labels must be unique"


def test_issue_template_chooser_configuration():
    config = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8"))
    assert set(config) <= {"blank_issues_enabled", "contact_links"}
    assert isinstance(config.get("blank_issues_enabled", True), bool)
    for link in config.get("contact_links", []):
        assert set(link) == {"name", "url", "about"} and link["url"].startswith("https://")
    assert {p.name for p in FORMS} == {"new-content.yml", "translation.yml"}


def test_pull_request_template_is_a_checklist_for_coordinators_and_translators():
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 4
    for needed in ("What I changed", "Language", "invoke check", "content/files/", "invoke translate",
                   "source_revision", "Translation-Impact: none"):
        assert needed in text, f"the pull request template should mention {needed!r}"
