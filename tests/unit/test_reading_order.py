from docs_engine.execution.reading_order import SectionOrder, example_key


def test_examples_sort_by_their_number_not_their_name():
    names = ["plot_10_big.py", "plot_2_b.py", "plot_1_a.py", "notes.py"]
    assert sorted(names, key=example_key) == ["plot_1_a.py", "plot_2_b.py", "plot_10_big.py",
                                              "notes.py"]


def test_sections_sort_by_their_first_example(tmp_path):
    for section, example in [("zeta", "plot_1_a.py"), ("alpha", "plot_3_c.py"),
                             ("mid", "plot_2_b.py"), ("empty", None)]:
        (tmp_path / section).mkdir()
        if example:
            (tmp_path / section / example).write_text("")
    source_dir = tmp_path / "docs"
    source_dir.mkdir()
    # As sphinx-gallery names them: relative to the source folder.
    folders = [f"../{name}" for name in ("alpha", "empty", "mid", "zeta")]
    assert [f.rsplit("/", 1)[1] for f in sorted(folders, key=SectionOrder(source_dir))] == [
        "zeta", "mid", "alpha", "empty"]
    assert SectionOrder(source_dir) == SectionOrder(source_dir)  # an unchanged configuration
