"""Use cases over the models: what views call, so that views stay thin. No request handling."""
