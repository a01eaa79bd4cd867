import zipfile
from io import BytesIO

from docs_engine.build_files import write_if_changed, zip_bytes


def test_zip_bytes_depends_only_on_the_files():
    files = {"b.py": b"print(2)\n", "a.py": b"print(1)\n"}
    assert zip_bytes(files) == zip_bytes(dict(reversed(files.items())))


def test_zip_bytes_compresses_the_files():
    content = b"print(1)\n" * 1000
    archive = zipfile.ZipFile(BytesIO(zip_bytes({"a.py": content})))
    assert archive.getinfo("a.py").compress_type == zipfile.ZIP_DEFLATED
    assert archive.read("a.py") == content
    assert archive.getinfo("a.py").compress_size < len(content) / 10


def test_write_if_changed_leaves_an_identical_file_alone(tmp_path):
    path = tmp_path / "sub" / "f.txt"
    write_if_changed(path, b"x")
    mtime = path.stat().st_mtime_ns
    write_if_changed(path, b"x")
    assert path.stat().st_mtime_ns == mtime
    write_if_changed(path, b"y")
    assert path.read_bytes() == b"y"
