"""The staff console: sign-in, the inbox, replies, the till, the report, the owner's tools."""
