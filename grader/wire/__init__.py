"""The wire: length-prefixed JSON frames, the frames each process sends, arrays as plain data."""
