import zipfile

from docs_engine.build_files import normalize_zip, write_if_changed, zip_bytes


def test_zip_bytes_depends_only_on_the_files():
    files = {"b.py": b"print(2)\n", "a.py": b"print(1)\n"}
    assert zip_bytes(files) == zip_bytes(dict(reversed(files.items())))


def test_normalize_zip_keeps_the_files_and_drops_the_dates(tmp_path):
    archive = tmp_path / "x.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("plot.py", "print(1)\n")
    normalize_zip(archive)
    with zipfile.ZipFile(archive) as result:
        assert result.read("plot.py") == b"print(1)\n"
        assert result.getinfo("plot.py").date_time == (1980, 1, 1, 0, 0, 0)


def test_write_if_changed_leaves_an_identical_file_alone(tmp_path):
    path = tmp_path / "sub" / "f.txt"
    write_if_changed(path, b"x")
    mtime = path.stat().st_mtime_ns
    write_if_changed(path, b"x")
    assert path.stat().st_mtime_ns == mtime
    write_if_changed(path, b"y")
    assert path.read_bytes() == b"y"
