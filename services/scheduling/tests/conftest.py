import sys
from pathlib import Path

# Test helpers shared by the unit and integration suites (plain module beside this file).
sys.path.insert(0, str(Path(__file__).parent))
