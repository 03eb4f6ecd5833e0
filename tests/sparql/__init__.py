"""Tests of SPARQL: embedded engines, our endpoint, remote endpoints and graph stores."""
