"""Which persons and organisations are named: the steps (``components``) and the rules and tagger they use."""
