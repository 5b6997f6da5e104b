"""Build hook: an installed wheel carries assets/ and the model cards inside the package, as playground/_data/.

A checkout reads them from the repository root; paths.py looks in playground/_data when they are not there.
Built model files are not packed: `playground models fetch` builds them beside the cards after install.
"""

from pathlib import Path
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "playground" / "_data"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(ROOT / "assets", target / "assets")
        for card in sorted((ROOT / "models").glob("*/model.toml")):
            (target / "models" / card.parent.name).mkdir(parents=True, exist_ok=True)
            shutil.copy2(card, target / "models" / card.parent.name / "model.toml")


setup(cmdclass={"build_py": BuildWithData})
