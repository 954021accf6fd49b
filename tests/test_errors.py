"""Every error a user can meet is a TiedoteError importable from ``tiedote`` (issue 19, item 7)."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil

import pytest

import tiedote
import tiedote.errors


def _every_module() -> None:
    for info in pkgutil.walk_packages(tiedote.__path__, "tiedote."):
        if info.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(info.name)
        except ImportError:  # an optional extra that is not installed
            continue


def _subclasses(cls: type[BaseException]) -> set[type[BaseException]]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub} | _subclasses(sub)
    return found


def test_every_tiedote_error_is_exported_from_tiedote() -> None:
    _every_module()
    classes = _subclasses(tiedote.errors.TiedoteError) | {tiedote.errors.TiedoteError}
    assert len(classes) >= 13
    for cls in classes:
        assert cls.__module__ == "tiedote.errors", f"{cls.__name__} belongs in tiedote/errors.py"
        assert getattr(tiedote, cls.__name__) is cls
        assert cls.__name__ in tiedote.__all__
        assert cls.__doc__, cls.__name__


def test_the_errors_the_readme_names_import() -> None:
    from tiedote import InputTypeError, TextTooLongError  # the README's own words

    assert issubclass(InputTypeError, TypeError) and issubclass(TextTooLongError, ValueError)


def test_each_error_is_also_the_builtin_it_resembles() -> None:
    assert issubclass(tiedote.DateError, ValueError)
    assert issubclass(tiedote.SourceError, OSError) and issubclass(tiedote.SinkError, OSError)
    assert issubclass(tiedote.MissingExtraError, ImportError)
    assert issubclass(tiedote.UnsupportedSourceError, ValueError)


@pytest.mark.parametrize(
    ("call", "error", "advice"),
    [
        (lambda: tiedote.extract(b"teksti"), tiedote.InputTypeError, "text must be str"),
        (lambda: tiedote.extract("x", published="9.6.2020"), tiedote.InputTypeError, "datetime.date"),
        (lambda: tiedote.Extractor(max_chars=5).extract("123456"), tiedote.TextTooLongError, "max_chars"),
        (lambda: tiedote.extract("x", published=dt.date(0o1, 1, 1)), tiedote.InputValueError, "outside"),
    ],
    ids=["bytes", "str-date", "too-long", "date-range"],
)
def test_library_errors_say_what_to_do(call: object, error: type[Exception], advice: str) -> None:
    with pytest.raises(error) as info:
        call()  # type: ignore[operator]
    assert advice in str(info.value)


def test_a_bad_date_in_spacy_config_is_a_tiedote_error() -> None:
    spacy = pytest.importorskip("spacy")
    with pytest.raises(tiedote.TiedoteError, match="give it as 2020-06-09, 9.6.2020"):
        spacy.blank("fi").add_pipe("tiedote", config={"published": "9/13/2020x"})


def test_unsupported_source_and_output_are_tiedote_errors(tmp_path: object) -> None:
    from tiedote.io.sinks import open_sink
    from tiedote.io.sources import open_source

    with pytest.raises(tiedote.UnsupportedSourceError, match="does not exist"):
        open_source("/no/such/folder")
    with pytest.raises(tiedote.UnsupportedOutputError, match="give OUT a suffix"):
        open_sink("out.parquet")
