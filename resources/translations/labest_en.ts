<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
<context>
    <name>BoardColumn</name>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/board.py" line="325" />
        <source>%1: %n project(s)</source>
        <translation><numerusform>%1: %n project</numerusform><numerusform>%1: %n projects</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/board.py" line="329" />
        <source>Show more (%n remaining)</source>
        <translation><numerusform>Show more (%n remaining)</numerusform><numerusform>Show more (%n remaining)</numerusform></translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/board.py" line="400" />
        <source>%n project(s) on the board. Drag a card to another column, or select it and press Ctrl+Shift+→ / Ctrl+Shift+← (or use its context menu), to record a stage decision.</source>
        <translation><numerusform>%n project on the board. Drag a card to another column, or select it and press Ctrl+Shift+→ / Ctrl+Shift+← (or use its context menu), to record a stage decision.</numerusform><numerusform>%n projects on the board. Drag a card to another column, or select it and press Ctrl+Shift+→ / Ctrl+Shift+← (or use its context menu), to record a stage decision.</numerusform></translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/board.py" line="244" />
        <source>%n day(s)</source>
        <translation><numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
</context>
<context>
    <name>CardModel</name>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/board.py" line="110" />
        <source>%n day(s) in this stage</source>
        <translation><numerusform>%n day in this stage</numerusform><numerusform>%n days in this stage</numerusform></translation>
    </message>
</context>
<context>
    <name>ChipBar</name>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="221" />
        <source>Selection (%n project(s))</source>
        <translation><numerusform>Selection (%n project)</numerusform><numerusform>Selection (%n projects)</numerusform></translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="168" />
        <source>%n project(s), total budget %1</source>
        <translation><numerusform>%n project, total budget %1</numerusform><numerusform>%n projects, total budget %1</numerusform></translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/events.py" line="629" />
        <source>Events on %1: %n</source>
        <translation><numerusform>Events on %1: %n</numerusform><numerusform>Events on %1: %n</numerusform></translation>
    </message>
</context>
<context>
    <name>FundingView</name>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/funding.py" line="178" />
        <source>%n envelope(s) over-committed: %1</source>
        <translation><numerusform>%n envelope over-committed: %1</numerusform><numerusform>%n envelopes over-committed: %1</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/main_window.py" line="326" />
        <source>%Ln of %1 projects shown</source>
        <translation><numerusform>%Ln of %1 projects shown</numerusform><numerusform>%Ln of %1 projects shown</numerusform></translation>
    </message>
</context>
<context>
    <name>PartnersView</name>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/partners.py" line="424" />
        <source>Projects it &amp;leads (%n)</source>
        <translation><numerusform>Projects it &amp;leads (%n)</numerusform><numerusform>Projects it &amp;leads (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/partners.py" line="425" />
        <source>Projects it &amp;partners (%n)</source>
        <translation><numerusform>Projects it &amp;partners (%n)</numerusform><numerusform>Projects it &amp;partners (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/partners.py" line="426" />
        <source>I&amp;ts events (%n)</source>
        <translation><numerusform>I&amp;ts events (%n)</numerusform><numerusform>I&amp;ts events (%n)</numerusform></translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="355" />
        <source>%n conflict(s) left to settle before importing.</source>
        <translation><numerusform>%n conflict left to settle before importing.</numerusform><numerusform>%n conflicts left to settle before importing.</numerusform></translation>
    </message>
</context>
<context>
    <name>ProjectActions</name>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/project_actions.py" line="93" />
        <source>Delete %n projects? They can be brought back with Undo (Ctrl+Z).</source>
        <translation><numerusform>Delete %n projects? They can be brought back with Undo (Ctrl+Z).</numerusform><numerusform>Delete %n projects? They can be brought back with Undo (Ctrl+Z).</numerusform></translation>
    </message>
</context>
<context>
    <name>ProjectEditor</name>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="218" />
        <source>%n field(s)</source>
        <translation><numerusform>%n field</numerusform><numerusform>%n fields</numerusform></translation>
    </message>
</context>
<context>
    <name>ReadPage</name>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="150" />
        <source>File read: %n row(s).</source>
        <translation><numerusform>File read: %n row.</numerusform><numerusform>File read: %n rows.</numerusform></translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="182" />
        <source>New &amp;status for %n project(s):</source>
        <translation><numerusform>New &amp;status for %n project:</numerusform><numerusform>New &amp;status for %n projects:</numerusform></translation>
    </message>
</context>
<context><name>UndoCommands</name><message numerus="yes"><source>Delete %n project(s)</source><translation><numerusform>Delete %n project</numerusform><numerusform>Delete %n projects</numerusform></translation></message><message numerus="yes"><source>Set %n project(s) to %1</source><translation><numerusform>Set %n project to %1</numerusform><numerusform>Set %n projects to %1</numerusform></translation></message></context></TS>