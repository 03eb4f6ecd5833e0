"""Which figures and dates: amounts (a yargy grammar over ``amount_words``), what they measure, time expressions,
and ages in years (``ages``)."""
