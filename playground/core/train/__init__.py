"""Small numpy training toolkit: layers, optimiser, trainer loop with progress callbacks and cancel checks."""
