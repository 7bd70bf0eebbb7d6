import pytest

from dateline.errors import SettingsError
from dateline.settings import WALL_FACTOR, load_settings, wall_seconds


@pytest.mark.parametrize("content,needle", [
    ('max_bytes = "10"\n', "must be int"),
    ('colour = "red"\n', "unknown setting 'colour'"),
    ('max_bytes = [\n', "cannot read settings file"),
])
def test_bad_settings_files_name_the_file_and_key(tmp_path, monkeypatch, content, needle):
    p = tmp_path / "s.toml"
    p.write_text(content)
    monkeypatch.setenv("DATELINE_SETTINGS", str(p))
    with pytest.raises(SettingsError) as e:
        load_settings()
    assert needle in str(e.value) and "s.toml" in str(e.value)


def test_file_then_flags(tmp_path, monkeypatch):
    p = tmp_path / "s.toml"
    p.write_text('max_bytes = 2000\nmodel = "none"\n')
    monkeypatch.setenv("DATELINE_SETTINGS", str(p))
    assert load_settings().max_bytes == 2000
    assert load_settings(max_bytes=5).max_bytes == 5 and load_settings().model == "none"


@pytest.mark.parametrize("content,needle", [
    ("jobs = -1\n", "'jobs' must be a whole number of at least 0"),
    ("batch = 0\n", "'batch' must be a whole number of at least 1"),
    ("max_seconds = 0\n", "'max_seconds' must be a whole number of at least 1"),
    ("max_seconds = -30\n", "'max_seconds' must be a whole number of at least 1"),
    ("max_bytes = 0\n", "'max_bytes' must be a whole number of at least 1"),
    ("max_bytes = -5\n", "'max_bytes' must be a whole number of at least 1"),
    ("max_bytes = 1000\nmax_seconds = -1\n", "'max_seconds' must be a whole number of at least 1"),
    ("max_wall_seconds = -1\n", "'max_wall_seconds' must be a whole number of at least 0"),
])
def test_out_of_range_settings_name_the_file_and_key(tmp_path, monkeypatch, content, needle):
    p = tmp_path / "s.toml"
    p.write_text(content)
    monkeypatch.setenv("DATELINE_SETTINGS", str(p))
    with pytest.raises(SettingsError) as e:
        load_settings()
    assert needle in str(e.value) and "s.toml" in str(e.value)


def test_jobs_and_time_budget_settings(tmp_path, monkeypatch):
    p = tmp_path / "s.toml"
    p.write_text("jobs = 3\nmax_seconds = 5\n")
    monkeypatch.setenv("DATELINE_SETTINGS", str(p))
    s = load_settings()
    assert (s.jobs, s.max_seconds) == (3, 5) and load_settings(jobs=1).jobs == 1


@pytest.mark.parametrize("cpu,wall,clock", [
    (30, 0, 30 * WALL_FACTOR),      # by default the clock waits WALL_FACTOR times the CPU budget
    (5, 0, 5 * WALL_FACTOR),
    (5, 7, 7),                      # or as long as max_wall_seconds says
])
def test_the_clocks_budget_of_an_article(tmp_path, monkeypatch, cpu, wall, clock):
    p = tmp_path / "empty.toml"
    p.write_text("")
    monkeypatch.setenv("DATELINE_SETTINGS", str(p))
    assert wall_seconds(load_settings(max_seconds=cpu, max_wall_seconds=wall)) == clock


@pytest.mark.parametrize("override,needle", [
    ({"max_bytes": -5}, "'max_bytes' must be a whole number of at least 1, not -5"),
    ({"max_bytes": 0}, "'max_bytes' must be a whole number of at least 1, not 0"),
    ({"max_seconds": 0}, "'max_seconds' must be a whole number of at least 1, not 0"),
    ({"max_seconds": -2}, "'max_seconds' must be a whole number of at least 1, not -2"),
])
def test_out_of_range_overrides_name_the_key(tmp_path, monkeypatch, override, needle):
    p = tmp_path / "empty.toml"
    p.write_text("")
    monkeypatch.setenv("DATELINE_SETTINGS", str(p))
    with pytest.raises(SettingsError) as e:
        load_settings(**override)
    assert needle in str(e.value)
