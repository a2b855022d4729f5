"""fengong (分工): Chinese task-division notices -> tables of who leads, supports and is responsible for what."""

__version__ = "0.1.0"
