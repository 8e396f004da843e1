"""The loyal-customer list: private data read as a stream, never published."""
