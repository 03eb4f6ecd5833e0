"""Which figures and dates: the components that find time expressions and amounts (what they measure is
``measures.quantities``)."""

from ..doc import Doc
from ..pipeline import component
from .amounts import find_amounts
from .dates import find_dates


@component("dates", assigns=("dates",))
def dates(doc: Doc) -> None:
    """Dates, ranges, durations, decades and centuries, resolved against the publication date."""
    doc.dates = find_dates(doc.clean, doc.article.published_date)


@component("amounts", assigns=("amounts",))
def amounts(doc: Doc) -> None:
    """Money, percentages, lengths and counts: value, unit and qualifier ("не более 45 тысяч рублей")."""
    doc.amounts = find_amounts(doc.clean)
