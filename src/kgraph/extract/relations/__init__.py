"""Which relations: offices (``titles``), what is reported around events (``reported``, ``topics``), and NEREL's
49 relation types: the classifiers learned from NEREL within a sentence (``learned``) and across sentences
(``across``), a person's other names (``aliases``), and the facts made of them
(``classified``)."""
