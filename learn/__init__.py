"""Training and measuring dibao's extraction on labelled data (not part of the pipeline's runtime)."""
