"""Every CLI command and option is documented (docs/cli.md), and the README keeps its promises."""

from pathlib import Path

from rashomon.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]


def _subcommands():
    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return action.choices


def test_every_command_and_option_is_documented():
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name, sub in _subcommands().items():
        assert f"rashomon {name}" in docs, f"command {name} missing from docs/cli.md"
        for action in sub._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert option in docs, f"{name} {option} missing from docs/cli.md"


def test_readme_names_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
