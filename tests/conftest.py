"""Shared fixtures: the seed, a CliRunner, a user cache of a test's own, and the --accept option for golden files."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_c0882ce87bb2ddc4.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--accept", action="store_true", help="rewrite golden files instead of comparing")


@pytest.fixture
def accept(request: pytest.FixtureRequest) -> bool:
    """True when golden files are to be rewritten (pytest --accept)."""
    return bool(request.config.getoption("--accept"))


@pytest.fixture
def runner() -> CliRunner:
    """A click CliRunner that keeps stderr apart from stdout."""
    return CliRunner()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The seed article."""
    return SEED


@pytest.fixture(scope="session")
def seed_brief():
    """The seed's brief, extracted once per test session."""
    from briefgen.extract import extract_brief
    from briefgen.source import read_source

    return extract_brief(read_source(SEED))


@pytest.fixture(autouse=True)
def no_team_defaults(monkeypatch, tmp_path_factory):
    """Every test starts without the user's defaults: no BRIEFGEN_* option variables, an empty configuration directory."""
    from briefgen.settings import ENV_PREFIX, OPTIONS

    for name in OPTIONS:
        monkeypatch.delenv(ENV_PREFIX + name.upper(), raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config-home")))


@pytest.fixture
def user_cache(tmp_path, monkeypatch):
    """The user cache under a temporary XDG_CACHE_HOME, for the test's new processes and for this one."""
    from briefgen import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("BRIEFGEN_NO_CACHE", raising=False)
    cache.cache_dir.cache_clear()
    yield tmp_path / "briefgen"
    cache.cache_dir.cache_clear()
