"""The web editor in a real build: where it is written, how it is switched off, a bad setting."""

import yaml

from hubtest import build, settings_file, write_tree

LABELS = "".join(f"  {c}: Label {c}\n" for c in "en sq bs bg hr ro sr uk".split())
SITE = {"news/first.md": "---\ntitle: First\ndate: 2024-12-04\n---\nText.\n", "data/topics.yaml": "online-safety:\n" + LABELS}


def test_the_editor_is_published_at_admin_and_hub_admin_false_leaves_it_out(tmp_path):
    content = write_tree(tmp_path / "content", SITE)
    on = build(content, tmp_path / "on", settings_file(tmp_path, 'HUB_ADMIN_REPOSITORY = "childhub/hub"\n'))
    assert on.returncode == 0, on.stderr
    config = yaml.safe_load((tmp_path / "on" / "admin" / "config.yml").read_text("utf-8"))
    assert config["backend"]["repo"] == "childhub/hub"
    assert {"index.html", "config.yml", "hub-admin.js", "decap-cms.js"} <= {
        p.name for p in (tmp_path / "on" / "admin").iterdir()}
    assert not list((tmp_path / "on" / "admin").glob("*.map"))
    off = build(content, tmp_path / "off", settings_file(tmp_path, "HUB_ADMIN = False\n"))
    assert off.returncode == 0, off.stderr
    assert not (tmp_path / "off" / "admin").exists()


def test_a_bad_repository_setting_stops_the_build_naming_it(tmp_path):
    content = write_tree(tmp_path / "content", SITE)
    result = build(content, tmp_path / "output", settings_file(tmp_path, 'HUB_ADMIN_REPOSITORY = "github.com/x"\n'))
    assert result.returncode == 1
    assert ("settings: HUB_ADMIN_REPOSITORY: 'github.com/x' is not a GitHub repository (write it as OWNER/NAME, "
            "e.g. childhub/hub)") in result.stderr
