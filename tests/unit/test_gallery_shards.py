from docs_engine.gallery_shards import loop_iterations, plan_shards


def test_the_longest_examples_are_spread_first_over_balanced_shards():
    pending = {"nn/plot_8.py": 8.0, "nn/plot_6.py": 2.0, "a/plot_1.py": 0.7,
               "a/plot_2.py": 1.6, "b/plot_3.py": 0.4, "b/plot_4.py": 0.5}
    shards = plan_shards(pending, 2)
    assert shards == [["nn/plot_8.py"], ["a/plot_1.py", "a/plot_2.py", "b/plot_3.py",
                                         "b/plot_4.py", "nn/plot_6.py"]]


def test_no_more_shards_than_examples_to_run():
    assert plan_shards({"a/plot_1.py": 1.0}, 4) == [["a/plot_1.py"]]
    assert plan_shards({}, 2) == []


def test_examples_never_run_are_weighed_by_their_loop_iterations():
    assert loop_iterations("for t in range(2000):\n    pass\n") == 2000
    assert loop_iterations("for t in range(30000):\n    for k in range(3):\n        pass\n") == 120000
    assert loop_iterations("x = 1\n") == 1
