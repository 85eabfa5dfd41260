// Local infrastructure mode is for Unix machines (PostgreSQL launcher script, file modes, setpriv).
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
