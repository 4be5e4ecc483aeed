"""Time and number expressions, as mentions with normalized values.

Two stages, in this order: `rasid.timex.dates` adds DATE and TIME mentions with ISO 8601 values
resolved against `Document.published`; `rasid.timex.numbers` adds QUANTITY, MONEY and PERCENT
mentions, leaving the numbers inside dates alone. Each is also a plain function over a text:
`find_dates(text, published)` and `find_numbers(text)`. The conventions (spans, values,
precision) are in each module's docstring; the word lists are in rasid/data/timex/.
"""

from rasid.timex.dates import TimeExpression, find_dates
from rasid.timex.numbers import NumberExpression, find_numbers

__all__ = ["NumberExpression", "TimeExpression", "find_dates", "find_numbers"]
