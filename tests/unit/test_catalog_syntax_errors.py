"""A catalog that is not valid gettext, in one line: msgfmt's first error (po_checks)."""

from docs_engine.translation.po_checks import FIX_SYNTAX, first_msgfmt_error


def test_the_first_error_is_the_line_and_the_summary_is_left_out():
    stderr = ("page.po:23: keyword \"this\" unknown\npage.po:22: missing 'msgstr' section\n"
              "msgfmt: found 2 fatal errors\n")
    assert first_msgfmt_error(stderr) == f'page.po:23: keyword "this" unknown; {FIX_SYNTAX}'


def test_what_msgfmt_says_more_of_an_error_joins_its_line():
    stderr = ("page.po:51: duplicate message definition...\n"
              "page.po:23: ...this is the location of the first definition\n"
              "msgfmt: found 1 fatal error\n")
    assert first_msgfmt_error(stderr) == ("page.po:51: duplicate message definition"
                                          f" (line 23: this is the location of the first definition); {FIX_SYNTAX}")


def test_warnings_are_no_error():
    warning = "page.po:8: warning: header field 'PO-Revision-Date' still has the initial default value\n"
    assert first_msgfmt_error(warning) is None
    assert first_msgfmt_error(warning + "page.po:24: end-of-line within string\n").startswith(
        "page.po:24: end-of-line within string;")
