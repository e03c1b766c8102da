"""Segmentation of structured text into segments that keep their line spans: the
Markdown and MDX block segmenter (``markdown``) and what it classifies with. Which
segmenter reads a file is the format's word (``transcheck.formats``)."""
