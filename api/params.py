"""Patterns for query and body parameters, exact enough that what the OpenAPI schema admits the
API accepts (schemathesis' positive-data check): dates that exist, text without NUL characters."""

from __future__ import annotations

_YEAR = r"[1-9][0-9]{3}"
_LEAP = r"(?:[1-9][0-9](?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[13579][26])00)"
_MONTH_DAY = (r"(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
              r"|(?:0[13578]|1[02])-31)")
_DAY = rf"(?:{_YEAR}-{_MONTH_DAY}|{_LEAP}-02-29)"
# a day that exists (2024-02-29 yes, 2023-02-29 and 2023-13-01 no)
DAY = rf"^{_DAY}$"
# YYYY, YYYY-MM or a day that exists
PARTIAL_DATE = rf"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2]))?|{_DAY})$"
# free text: anything but NUL (the engines read it as the end of a string)
TEXT = r"^[^\x00]*$"
# an id or name: something besides white space (ids are stripped), no NUL; the white space spelt
# out as Python's str.strip() knows it, since \s differs between ECMA, Rust and Python regexes
_BLANK = r"\x00\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
NAME = rf"^[^\x00]*[^{_BLANK}][^\x00]*$"

