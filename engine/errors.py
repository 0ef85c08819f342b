"""Refusals the engine explains to people, in a form a translator can work with.

An :class:`InputError` keeps the English *template* of its message and the values that fill it, so
the window can translate the template (context ``"engine"``) before filling it in, while
``str(exc)`` stays the English sentence the command line prints.  Every template is written as a
plain string literal as the first argument of the raise, which is how
``scripts/i18n_engine_strings.py`` finds them all for the translators.
"""

from __future__ import annotations

__all__ = ["InputError", "UnknownNameError"]


class InputError(ValueError):
    """A value a person gave that cannot be used; the message says what is allowed.

    ``template`` is the English message with ``{name}`` placeholders, ``params`` the values
    (already formatted for reading, e.g. ``repr`` of what was given): ``str(exc)`` is
    ``template.format(**params)``.
    """

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params))

    def __str__(self) -> str:
        # Explicit, so that subclasses mixing in KeyError (which quotes its message) read plainly.
        return str(self.args[0]) if self.args else ""

    def __reduce__(self):  # pickling (a worker process): rebuild from template and params
        return _rebuild, (type(self), self.template, self.params)


def _rebuild(cls: type[InputError], template: str, params: dict[str, object]) -> InputError:
    return cls(template, **params)


class UnknownNameError(InputError, KeyError):
    """A name that is not registered (initializer, data set, preset, activation).

    A ``KeyError`` too, for callers that look names up and catch ``KeyError``; unlike a plain
    ``KeyError`` its ``str()`` is the sentence itself, without quotes.
    """
