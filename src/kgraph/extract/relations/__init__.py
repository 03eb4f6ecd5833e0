"""Which relations: offices (``titles``), what is reported around events (``reported``, ``topics``), and NEREL's
49 relation types: the classifier learned from NEREL within a sentence (``learned``), a surname's alternative
name across sentences (``aliases``), and the facts made of them (``classified``)."""
