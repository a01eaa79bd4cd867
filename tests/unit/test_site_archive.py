import os
import zipfile

import pytest

from docs_engine.hosting.site_archive import main


def _site(folder, mtime):
    for name, text in {"index.html": "root", "en/index.html": "en", "en/.buildinfo": "hash"}.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        os.utime(path, (mtime, mtime))
    return folder


def test_the_archive_holds_the_site_and_not_its_hidden_files(tmp_path):
    main([str(_site(tmp_path / "site", 0)), str(tmp_path / "site.zip")])
    with zipfile.ZipFile(tmp_path / "site.zip") as archive:
        assert archive.namelist() == ["en/index.html", "index.html"]


def test_the_archive_does_not_depend_on_when_files_were_written(tmp_path):
    main([str(_site(tmp_path / "a", 0)), str(tmp_path / "a.zip")])
    main([str(_site(tmp_path / "b", 1_800_000_000)), str(tmp_path / "b.zip")])
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_an_unbuilt_site_is_refused(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main([str(tmp_path), str(tmp_path / "site.zip")])
    assert "run make html first" in capsys.readouterr().err
