<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>BackupFileDialog</name>
    <message>
        <location filename="../../labest_desktop/ui/file_actions.py" line="32" />
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/file_actions.py" line="32" />
        <source>Lab'EST backups (*.sqlite3)</source>
        <translation>Sauvegardes Lab'EST (*.sqlite3)</translation>
    </message>
</context>
<context>
    <name>BoardColumn</name>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="318" />
        <source>Show more cards</source>
        <translation>Afficher plus de fiches</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/board.py" line="325" />
        <source>%1: %n project(s)</source>
        <translation><numerusform>%1 : %n projet</numerusform><numerusform>%1 : %n projets</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/board.py" line="329" />
        <source>Show more (%n remaining)</source>
        <translation><numerusform>Afficher plus (%n restant)</numerusform><numerusform>Afficher plus (%n restants)</numerusform></translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="376" />
        <source>Board</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="377" />
        <source>updating…</source>
        <translation>mise à jour…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="380" />
        <source>Move to &amp;next stage…</source>
        <translation>Passer à l'étape &amp;suivante…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="381" />
        <source>Move to &amp;previous stage…</source>
        <translation>Revenir à l'étape &amp;précédente…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="382" />
        <source>&amp;Open the project</source>
        <translation>&amp;Ouvrir le projet</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="387" />
        <source>Move to %1…</source>
        <translation>Passer à %1…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="393" />
        <source>No project on the board yet. Create one (Ctrl+N) or import a workbook (Ctrl+I): its card appears in its stage's column.</source>
        <translation>Aucun projet au tableau pour l'instant. Créez-en un (Ctrl+N) ou importez un classeur (Ctrl+I) : sa fiche apparaîtra dans la colonne de son étape.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="396" />
        <source>No project on the board under these filters. Remove a filter chip above, or clear them all.</source>
        <translation>Aucun projet au tableau avec ces filtres. Retirez un filtre ci-dessus, ou effacez-les tous.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/board.py" line="400" />
        <source>%n project(s) on the board. Drag a card to another column, or select it and press Ctrl+Shift+→ / Ctrl+Shift+← (or use its context menu), to record a stage decision.</source>
        <translation><numerusform>%n projet au tableau. Faites glisser une fiche vers une autre colonne, ou sélectionnez-la et appuyez sur Ctrl+Maj+→ / Ctrl+Maj+← (ou utilisez son menu contextuel), pour enregistrer une décision d'étape.</numerusform><numerusform>%n projets au tableau. Faites glisser une fiche vers une autre colonne, ou sélectionnez-la et appuyez sur Ctrl+Maj+→ / Ctrl+Maj+← (ou utilisez son menu contextuel), pour enregistrer une décision d'étape.</numerusform></translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/board.py" line="244" />
        <source>%n day(s)</source>
        <translation><numerusform>%n jour</numerusform><numerusform>%n jours</numerusform></translation>
    </message>
</context>
<context>
    <name>CardModel</name>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/board.py" line="110" />
        <source>%n day(s) in this stage</source>
        <translation><numerusform>%n jour à cette étape</numerusform><numerusform>%n jours à cette étape</numerusform></translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="73" />
        <source>Export PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="74" />
        <source>Export the chart “%1” as PNG</source>
        <translation>Exporter le graphique « %1 » en PNG</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../labest_desktop/ui/reports/charts.py" line="44" />
        <source>Projects per stage</source>
        <translation>Projets par étape</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/charts.py" line="45" />
        <source>Projects per department</source>
        <translation>Projets par département</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/charts.py" line="46" />
        <source>Budget by envelope (k€): allocated and committed</source>
        <translation>Budget par enveloppe (k€) : alloué et engagé</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/charts.py" line="47" />
        <source>Stage decisions per month</source>
        <translation>Décisions d'étape par mois</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/charts.py" line="48" />
        <source>Median time in each stage (days)</source>
        <translation>Durée médiane à chaque étape (jours)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/charts.py" line="107" />
        <location filename="../../labest_desktop/ui/reports/charts.py" line="108" />
        <source>No project under the current filter: create one, import a workbook or clear the filters.</source>
        <translation>Aucun projet pour le filtre actuel : créez-en un, importez un classeur ou effacez les filtres.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/charts.py" line="109" />
        <source>No funding envelope yet: add one in the Funding view.</source>
        <translation>Aucune enveloppe de financement : ajoutez-en une dans la vue Financements.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/charts.py" line="110" />
        <source>No stage decision yet: move a project to its next stage on the board or in its editor.</source>
        <translation>Aucune décision d'étape pour l'instant : faites passer un projet à l'étape suivante au tableau ou dans sa fiche.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/charts.py" line="111" />
        <source>No time in stage yet: it appears once projects have stage decisions.</source>
        <translation>Pas encore de durée par étape : elle apparaît dès que des projets ont des décisions d'étape.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/charts.py" line="171" />
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/charts.py" line="176" />
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/charts.py" line="205" />
        <source>Allocated</source>
        <translation>Allouée</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/charts.py" line="206" />
        <source>Committed</source>
        <translation>Engagée</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/charts.py" line="287" />
        <source>Median days</source>
        <translation>Jours (médiane)</translation>
    </message>
</context>
<context>
    <name>ChipBar</name>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="182" />
        <source>Remove this filter</source>
        <translation>Retirer ce filtre</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="183" />
        <source>Remove the filter %1</source>
        <translation>Retirer le filtre %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="191" />
        <source>Clear all filters</source>
        <translation>Effacer tous les filtres</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="204" />
        <source>Stage: %1</source>
        <translation>Étape : %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="206" />
        <source>Status: %1</source>
        <translation>Statut : %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="208" />
        <source>Department: %1</source>
        <translation>Département : %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="211" />
        <source>Organisation: %1</source>
        <translation>Organisation : %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="214" />
        <source>Funding: %1</source>
        <translation>Financement : %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="216" />
        <source>Dates: %1 – %2</source>
        <translation>Dates : %1 – %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="221" />
        <source>Selection (%n project(s))</source>
        <translation><numerusform>Sélection (%n projet)</numerusform><numerusform>Sélection (%n projets)</numerusform></translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../labest_desktop/ui/live_changes.py" line="139" />
        <source>Connection to the server</source>
        <translation>Connexion au serveur</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/live_changes.py" line="152" />
        <source>The connection to the database server %1 is lost: nothing can be saved until it is back. Reconnecting automatically…</source>
        <translation>La connexion au serveur de base de données %1 est perdue : rien ne peut être enregistré tant qu'elle n'est pas rétablie. Reconnexion automatique en cours…</translation>
    </message>
</context>
<context>
    <name>CreateEventCommand</name>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="437" />
        <source>Create event “%1”</source>
        <translation>Création de l'événement « %1 »</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="158" />
        <source>Summary</source>
        <translation>Synthèse</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="159" />
        <source>Export the dashboard as PDF…</source>
        <translation>Exporter la synthèse en PDF…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="160" />
        <source>Portfolio report (PDF)…</source>
        <translation>Rapport du portefeuille (PDF)…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="161" />
        <source>updating…</source>
        <translation>mise à jour…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="168" />
        <source>%n project(s), total budget %1</source>
        <translation><numerusform>%n projet, budget total %1</numerusform><numerusform>%n projets, budget total %1</numerusform></translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="170" />
        <source>following the current filter</source>
        <translation>selon le filtre actuel</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="202" />
        <source>Export the chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="202" />
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="213" />
        <source>Export as PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="213" />
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DatabaseFileDialog</name>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="37" />
        <source>Create a database</source>
        <translation>Créer une base</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="38" />
        <source>Lab'EST databases (*.sqlite3)</source>
        <translation>Bases Lab'EST (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="40" />
        <source>Open a database</source>
        <translation>Ouvrir une base</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="41" />
        <source>Lab'EST databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>Bases Lab'EST (*.sqlite3 *.db);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>DateRangeDialog</name>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="34" />
        <source>Filter by dates</source>
        <translation>Filtrer par dates</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="38" />
        <source>Running on or after</source>
        <translation>En cours le ou après le</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="39" />
        <source>Started on or before</source>
        <translation>Commencé le ou avant le</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="41" />
        <source>Running on or &amp;after:</source>
        <translation>En cours le ou &amp;après le :</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="42" />
        <source>Started on or &amp;before:</source>
        <translation>Commencé le ou a&amp;vant le :</translation>
    </message>
</context>
<context>
    <name>EnvelopeTableModel</name>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="42" />
        <source>Envelope</source>
        <translation>Enveloppe</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="42" />
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="42" />
        <source>Allocated</source>
        <translation>Allouée</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="42" />
        <source>Committed</source>
        <translation>Engagée</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="43" />
        <source>Remaining</source>
        <translation>Reste</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="43" />
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="43" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="47" />
        <source>No allocation</source>
        <translation>Sans allocation</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="49" />
        <source>Over-committed</source>
        <translation>Dépassée</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="51" />
        <source>%1 % used</source>
        <translation>%1 % utilisés</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../labest_desktop/ui/excepthook.py" line="26" />
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/excepthook.py" line="34" />
        <location filename="../../labest_desktop/ui/views/view_errors.py" line="13" />
        <source>Lab'EST</source>
        <translation>Lab'EST</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/excepthook.py" line="62" />
        <source>Something unexpected went wrong. Your data is safe: the last action may not have been completed.

The details were written to the log file:
%1

Please send this file to support.</source>
        <translation>Une erreur inattendue s'est produite. Vos données sont en sécurité : la dernière action n'a peut-être pas été terminée.

Les détails ont été écrits dans le journal :
%1

Merci de transmettre ce fichier au support.</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="260" />
        <location filename="../../labest_desktop/ui/views/events.py" line="270" />
        <source>Dated</source>
        <translation>Daté</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="271" />
        <source>not known</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="274" />
        <source>Remove the project</source>
        <translation>Retirer le projet</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="275" />
        <source>Open the project</source>
        <translation>Ouvrir le projet</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="264" />
        <location filename="../../labest_desktop/ui/views/events.py" line="273" />
        <source>Filter organisations</source>
        <translation>Filtrer les organisations</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="272" />
        <source>Reference or words of a title: click a result, or Enter for the first</source>
        <translation>Référence ou mots d'un titre : cliquez un résultat, ou Entrée pour le premier</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="276" />
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="277" />
        <location filename="../../labest_desktop/ui/views/events.py" line="280" />
        <location filename="../../labest_desktop/ui/views/events.py" line="366" />
        <source>New event</source>
        <translation>Nouvel événement</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="278" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="260" />
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="256" />
        <source>Descr&amp;iption</source>
        <translation>Des&amp;cription</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="260" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="261" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="261" />
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="261" />
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="262" />
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="262" />
        <source>Linked projects</source>
        <translation>Projets liés</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="263" />
        <source>Find a project to link</source>
        <translation>Chercher un projet à lier</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="263" />
        <source>Projects found</source>
        <translation>Projets trouvés</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="264" />
        <source>Linked organisations</source>
        <translation>Organisations liées</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="255" />
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="255" />
        <source>&amp;Kind</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="255" />
        <source>&amp;Date</source>
        <translation>Dat&amp;e</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="255" />
        <source>&amp;Place</source>
        <translation>L&amp;ieu</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="255" />
        <source>Pa&amp;rticipants</source>
        <translation>Pa&amp;rticipants</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="256" />
        <source>Pro&amp;jects</source>
        <translation>Pro&amp;jets</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="256" />
        <source>&amp;Organisations</source>
        <translation>&amp;Organisations</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="74" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="74" />
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="74" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="74" />
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="75" />
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="75" />
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="476" />
        <source>No event yet: fill in the form beside this list, then save it.</source>
        <translation>Aucun événement pour l'instant : remplissez le formulaire à côté de cette liste, puis enregistrez-le.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="530" />
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="531" />
        <source>Search events (title, place)</source>
        <translation>Rechercher un événement (titre, lieu)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="532" />
        <source>Search events</source>
        <translation>Rechercher des événements</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="533" />
        <source>Events list</source>
        <translation>Liste des événements</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="534" />
        <source>Month of events</source>
        <translation>Mois des événements</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="537" />
        <source>Days of the month; days with events are bold and underlined</source>
        <translation>Jours du mois ; les jours avec des événements sont en gras et soulignés</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="538" />
        <source>Events of the selected day</source>
        <translation>Événements du jour choisi</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="539" />
        <source>&amp;List</source>
        <translation>&amp;Liste</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="540" />
        <source>&amp;Month</source>
        <translation>&amp;Mois</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="541" />
        <source>List or month</source>
        <translation>Liste ou mois</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/events.py" line="629" />
        <source>Events on %1: %n</source>
        <translation><numerusform>Événements le %1 : %n</numerusform><numerusform>Événements le %1 : %n</numerusform></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="48" />
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="50" />
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="54" />
        <source>Exchange workbook &amp;Excel (.xlsx)</source>
        <translation>Classeur d'échange &amp;Excel (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="55" />
        <source>Exchange workbook &amp;LibreOffice (.ods)</source>
        <translation>Classeur d'échange &amp;LibreOffice (.ods)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="56" />
        <source>&amp;Open data (.csv, without names of persons)</source>
        <translation>Données &amp;ouvertes (.csv, sans noms de personnes)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="65" />
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="68" />
        <source>The &amp;whole portfolio</source>
        <translation>&amp;Tout le portefeuille</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="69" />
        <source>The &amp;current view (search and filters)</source>
        <translation>La &amp;vue actuelle (recherche et filtres)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="70" />
        <source>The &amp;selected projects (%1)</source>
        <translation>Les projets &amp;sélectionnés (%1)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="80" />
        <source>File to write</source>
        <translation>Fichier à écrire</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="81" />
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="84" />
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="90" />
        <source>Progress of the export</source>
        <translation>Avancement de l'export</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="95" />
        <source>E&amp;xport</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="96" />
        <source>Open the fol&amp;der</source>
        <translation>Ouvrir le &amp;dossier</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="99" />
        <source>Op&amp;en</source>
        <translation>Ou&amp;vrir</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="160" />
        <source>Writing %1…</source>
        <translation>Écriture de %1…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="173" />
        <source>Export written: %1</source>
        <translation>Export écrit : %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="177" />
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="185" />
        <source>Export stopped; no file was written.</source>
        <translation>Export interrompu : aucun fichier n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="202" />
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
</context>
<context>
    <name>ExportFileDialog</name>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/export_dialog.py" line="36" />
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../labest_desktop/ui/labels.py" line="33" />
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/labels.py" line="34" />
        <source>Modified</source>
        <translation>Modifié le</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/labels.py" line="35" />
        <source>In stage since</source>
        <translation>À cette étape depuis</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/labels.py" line="36" />
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/labels.py" line="38" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/labels.py" line="39" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/labels.py" line="40" />
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/labels.py" line="41" />
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/labels.py" line="42" />
        <source>Linked projects</source>
        <translation>Projets liés</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/labels.py" line="43" />
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../labest_desktop/ui/file_actions.py" line="87" />
        <source>Undo the last import</source>
        <translation>Annuler le dernier import</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/file_actions.py" line="88" />
        <source>Bring every project the last import touched back to its state before the import? A backup is made first.</source>
        <translation>Ramener chaque projet touché par le dernier import à son état d'avant l'import ? Une sauvegarde est faite d'abord.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/file_actions.py" line="99" />
        <source>Import undone</source>
        <translation>Import annulé</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/file_actions.py" line="100" />
        <source>Import of “%1” undone: %2 project(s) restored, %3 removed.</source>
        <translation>Import de « %1 » annulé : %2 projet(s) rétabli(s), %3 retiré(s).</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/file_actions.py" line="115" />
        <source>Backup written: %1</source>
        <translation>Sauvegarde écrite : %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/file_actions.py" line="116" />
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/file_actions.py" line="117" />
        <source>Backup written:
%1</source>
        <translation>Sauvegarde écrite :
%1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/file_actions.py" line="134" />
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/file_actions.py" line="135" />
        <source>Replace the current database by this backup?
%1

The current database is backed up first.</source>
        <translation>Remplacer la base actuelle par cette sauvegarde ?
%1

La base actuelle est d'abord sauvegardée.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/file_actions.py" line="144" />
        <source>Loading the demo sample…</source>
        <translation>Chargement de l'exemple de démonstration…</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../labest_desktop/ui/file_dialogs.py" line="68" />
        <source>File written</source>
        <translation>Fichier écrit</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/file_dialogs.py" line="69" />
        <source>“%1” was written.</source>
        <translation>« %1 » a été écrit.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/file_dialogs.py" line="70" />
        <source>In the folder %1</source>
        <translation>Dans le dossier %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/file_dialogs.py" line="71" />
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/file_dialogs.py" line="72" />
        <source>Open the &amp;folder</source>
        <translation>Ouvrir le &amp;dossier</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/file_dialogs.py" line="73" />
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/file_dialogs.py" line="91" />
        <source>File written: %1</source>
        <translation>Fichier écrit : %1</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="73" />
        <source>Choose the workbook</source>
        <translation>Choisir le classeur</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="74" />
        <source>An .xlsx, .xls, .xlsb, .ods or .csv file exported by Lab'EST or edited in a spreadsheet.</source>
        <translation>Un fichier .xlsx, .xls, .xlsb, .ods ou .csv exporté par Lab'EST ou modifié dans un tableur.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="77" />
        <source>File to import</source>
        <translation>Fichier à importer</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="79" />
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="81" />
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="86" />
        <source>&amp;Stage</source>
        <translation>É&amp;tape</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="87" />
        <source>S&amp;tatus</source>
        <translation>&amp;Statut</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="88" />
        <source>&amp;Department</source>
        <translation>Dé&amp;partement</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="89" />
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="90" />
        <source>F&amp;unding</source>
        <translation>Fi&amp;nancement</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="95" />
        <source>Filter by dates</source>
        <translation>Filtrer par dates</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="93" />
        <source>Filter: %1</source>
        <translation>Filtre : %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="94" />
        <source>D&amp;ates…</source>
        <translation>Dat&amp;es…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/widgets/filter_bar.py" line="132" />
        <source>(any)</source>
        <translation>(toutes)</translation>
    </message>
</context>
<context>
    <name>FundingView</name>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="159" />
        <source>Funding</source>
        <translation>Financement</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="160" />
        <source>Funding envelopes</source>
        <translation>Enveloppes de financement</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="162" />
        <source>e.g. 250 000,00</source>
        <translation>ex. 250 000,00</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="163" />
        <source>Envelope name</source>
        <translation>Nom de l'enveloppe</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="163" />
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="164" />
        <source>Allocated amount in euros</source>
        <translation>Montant alloué en euros</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="169" />
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="170" />
        <source>Add as a new envelope</source>
        <translation>Ajouter comme nouvelle enveloppe</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="166" />
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="109" />
        <source>No funding envelope yet: add one with the form below (name, origin, allocation).</source>
        <translation>Aucune enveloppe de financement pour l'instant : ajoutez-en une avec le formulaire ci-dessous (nom, origine, allocation).</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="161" />
        <source>Count only the projects of the current filte&amp;r</source>
        <translation>Ne compter que les projets du filtre a&amp;ctuel</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="166" />
        <source>&amp;Origin</source>
        <translation>&amp;Origine</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="166" />
        <source>&amp;Allocated (€)</source>
        <translation>A&amp;llouée (€)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="171" />
        <source>updating…</source>
        <translation>mise à jour…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/funding.py" line="178" />
        <source>%n envelope(s) over-committed: %1</source>
        <translation><numerusform>%n enveloppe dépassée : %1</numerusform><numerusform>%n enveloppes dépassées : %1</numerusform></translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="180" />
        <source>No envelope is over-committed.</source>
        <translation>Aucune enveloppe n'est dépassée.</translation>
    </message>
</context>
<context>
    <name>ImportFileDialog</name>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="65" />
        <source>Import a workbook</source>
        <translation>Importer un classeur</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="66" />
        <source>Workbooks (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv);;All files (*)</source>
        <translation>Classeurs (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="471" />
        <source>Import a workbook</source>
        <translation>Importer un classeur</translation>
    </message>
</context>
<context>
    <name>LinkEdit</name>
    <message>
        <location filename="../../labest_desktop/ui/editor/widgets.py" line="248" />
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/widgets.py" line="249" />
        <location filename="../../labest_desktop/ui/editor/widgets.py" line="250" />
        <source>Open the link in the web browser</source>
        <translation>Ouvrir le lien dans le navigateur web</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="272" />
        <source>Lab'EST Desktop</source>
        <translation>Lab'EST Desktop</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="208" />
        <source>&amp;New project…</source>
        <translation>&amp;Nouveau projet…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="208" />
        <source>Create a project</source>
        <translation>Créer un projet</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="209" />
        <source>&amp;Import a workbook…</source>
        <translation>&amp;Importer un classeur…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="210" />
        <source>Import projects from an .xlsx, .ods or .csv file</source>
        <translation>Importer des projets depuis un fichier .xlsx, .ods ou .csv</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="211" />
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="211" />
        <source>Export the portfolio or the current view</source>
        <translation>Exporter le portefeuille ou la vue actuelle</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="214" />
        <source>One PDF with the sheet of each selected project</source>
        <translation>Un PDF avec la fiche de chaque projet sélectionné</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="216" />
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="217" />
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="218" />
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="219" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="224" />
        <source>C&amp;lear the filters</source>
        <translation>&amp;Effacer les filtres</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="225" />
        <source>&amp;Refresh</source>
        <translation>Act&amp;ualiser</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="276" />
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="277" />
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="220" />
        <source>&amp;Open the project</source>
        <translation>&amp;Ouvrir le projet</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="212" />
        <source>Export the se&amp;lection…</source>
        <translation>Exporter la sé&amp;lection…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="213" />
        <source>Project s&amp;heet (PDF)…</source>
        <translation>&amp;Fiche projet (PDF)…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="215" />
        <source>&amp;Undo the last import</source>
        <translation>Annuler le &amp;dernier import</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="221" />
        <source>Change the &amp;status…</source>
        <translation>Changer le &amp;statut…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="222" />
        <source>&amp;Delete…</source>
        <translation>S&amp;upprimer…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="223" />
        <source>&amp;Find</source>
        <translation>Re&amp;chercher</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="226" />
        <location filename="../../labest_desktop/ui/main_window.py" line="281" />
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="227" />
        <source>&amp;About Lab'EST Desktop</source>
        <translation>À &amp;propos de Lab'EST Desktop</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="276" />
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="277" />
        <source>&amp;Redo %1</source>
        <translation>&amp;Rétablir %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="278" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="279" />
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="280" />
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="283" />
        <source>&amp;Columns</source>
        <translation>&amp;Colonnes</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="287" />
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="288" />
        <location filename="../../labest_desktop/ui/main_window.py" line="289" />
        <source>Main toolbar</source>
        <translation>Barre d'outils principale</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="316" />
        <source>Database: %1</source>
        <translation>Base : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/main_window.py" line="326" />
        <source>%Ln of %1 projects shown</source>
        <translation><numerusform>%Ln projet affiché sur %1</numerusform><numerusform>%Ln projets affichés sur %1</numerusform></translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="404" />
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="406" />
        <source>&lt;h3&gt;Lab'EST Desktop&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Ctrl+N&lt;/b&gt; new project · &lt;b&gt;Enter&lt;/b&gt; open the selected project · &lt;b&gt;Ctrl+F&lt;/b&gt; search · &lt;b&gt;Ctrl+I&lt;/b&gt; import · &lt;b&gt;Ctrl+E&lt;/b&gt; export · &lt;b&gt;Ctrl+Z / Ctrl+Y&lt;/b&gt; undo / redo · &lt;b&gt;Suppr&lt;/b&gt; delete · &lt;b&gt;Ctrl+1…6&lt;/b&gt; views · &lt;b&gt;Ctrl+Q&lt;/b&gt; quit.&lt;/p&gt;&lt;p&gt;Search ignores case and accents and matches the start of words. Filters appear as chips under the search field; click a chip to remove it. Save a combination of filters, sort and columns as a named view.&lt;/p&gt;&lt;p&gt;The stage of a project changes by a decision whose rationale is kept in its Decisions tab: drag its card to another column of the board (or select it and press Ctrl+Shift+→ / Ctrl+Shift+←), use “Move to stage…” in its editor, or import a workbook from another office. Ctrl+Z undoes the decision.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Lab'EST Desktop&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Ctrl+N&lt;/b&gt; nouveau projet · &lt;b&gt;Entrée&lt;/b&gt; ouvrir le projet sélectionné · &lt;b&gt;Ctrl+F&lt;/b&gt; rechercher · &lt;b&gt;Ctrl+I&lt;/b&gt; importer · &lt;b&gt;Ctrl+E&lt;/b&gt; exporter · &lt;b&gt;Ctrl+Z / Ctrl+Y&lt;/b&gt; annuler / rétablir · &lt;b&gt;Suppr&lt;/b&gt; supprimer · &lt;b&gt;Ctrl+1…6&lt;/b&gt; vues · &lt;b&gt;Ctrl+Q&lt;/b&gt; quitter.&lt;/p&gt;&lt;p&gt;La recherche ignore majuscules et accents et trouve le début des mots. Les filtres apparaissent en étiquettes sous le champ de recherche ; cliquez sur une étiquette pour retirer son filtre. Enregistrez une combinaison de filtres, de tri et de colonnes comme vue nommée.&lt;/p&gt;&lt;p&gt;L'étape d'un projet change par une décision dont la justification est conservée dans son onglet Décisions : faites glisser sa fiche vers une autre colonne du tableau (ou sélectionnez-la et appuyez sur Ctrl+Maj+→ / Ctrl+Maj+←), utilisez « Passer à l'étape… » dans sa fiche, ou importez un classeur d'un autre bureau. Ctrl+Z annule la décision.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="425" />
        <source>About Lab'EST Desktop</source>
        <translation>À propos de Lab'EST Desktop</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/main_window.py" line="426" />
        <source>Lab'EST Desktop %1&lt;br&gt;Portfolio of the Grand Est public-innovation lab.&lt;br&gt;%2</source>
        <translation>Lab'EST Desktop %1&lt;br&gt;Portefeuille du laboratoire d'innovation publique du Grand Est.&lt;br&gt;%2</translation>
    </message>
</context>
<context>
    <name>MergeCommand</name>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="187" />
        <source>Merge “%1” into “%2”</source>
        <translation>Fusion de « %1 » dans « %2 »</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="153" />
        <source>Merge organisations</source>
        <translation>Fusionner des organisations</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="154" />
        <source>“%1” and the organisation chosen below are the same. Every project, partnership and event of “%1” moves to the one kept, and “%1” is removed. You can undo it.</source>
        <translation>« %1 » et l'organisation choisie ci-dessous sont la même. Chaque projet, partenariat et événement de « %1 » passe à celle conservée, et « %1 » est supprimée. Vous pouvez l'annuler.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="159" />
        <source>Organisation kept</source>
        <translation>Organisation conservée</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="164" />
        <source>&amp;Keep</source>
        <translation>&amp;Conserver</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="166" />
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
</context>
<context>
    <name>OrganisationTableModel</name>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="67" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="67" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="67" />
        <source>Department</source>
        <translation>Département</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="67" />
        <source>Leads</source>
        <translation>Porte</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="68" />
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="68" />
        <source>Events</source>
        <translation>Événements</translation>
    </message>
</context>
<context>
    <name>PartnersEdit</name>
    <message>
        <location filename="../../labest_desktop/ui/editor/widgets.py" line="171" />
        <source>Filter or add an organisation (Enter)</source>
        <translation>Filtrer ou ajouter une organisation (Entrée)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/widgets.py" line="172" />
        <source>Filter or add a partner organisation</source>
        <translation>Filtrer ou ajouter une organisation partenaire</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/widgets.py" line="174" />
        <source>Partner organisations</source>
        <translation>Organisations partenaires</translation>
    </message>
</context>
<context>
    <name>PartnersView</name>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="297" />
        <source>No organisation matches. Organisations appear here as leads or partners of projects; clear the search to see them all.</source>
        <translation>Aucune organisation ne correspond. Les organisations apparaissent ici comme porteuses ou partenaires de projets ; effacez la recherche pour les voir toutes.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="375" />
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="376" />
        <location filename="../../labest_desktop/ui/views/partners.py" line="377" />
        <source>Search organisations</source>
        <translation>Rechercher des organisations</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="378" />
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="379" />
        <location filename="../../labest_desktop/ui/views/partners.py" line="382" />
        <source>(not set)</source>
        <translation>(non renseigné)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="385" />
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="386" />
        <source>Merge into…</source>
        <translation>Fusionner avec…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="387" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="387" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="388" />
        <source>Department</source>
        <translation>Département</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="388" />
        <source>Projects it leads</source>
        <translation>Projets qu'elle porte</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="389" />
        <source>Projects it partners</source>
        <translation>Projets dont elle est partenaire</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="389" />
        <source>Its events</source>
        <translation>Ses événements</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="391" />
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="391" />
        <source>&amp;Kind</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="391" />
        <source>&amp;Department</source>
        <translation>Dépar&amp;tement</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/partners.py" line="424" />
        <source>Projects it &amp;leads (%n)</source>
        <translation><numerusform>Projets qu'elle &amp;porte (%n)</numerusform><numerusform>Projets qu'elle &amp;porte (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/partners.py" line="425" />
        <source>Projects it &amp;partners (%n)</source>
        <translation><numerusform>Projets dont elle est pa&amp;rtenaire (%n)</numerusform><numerusform>Projets dont elle est pa&amp;rtenaire (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/partners.py" line="426" />
        <source>I&amp;ts events (%n)</source>
        <translation><numerusform>Ses &amp;événements (%n)</numerusform><numerusform>Ses &amp;événements (%n)</numerusform></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="51" />
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="55" />
        <source>Your name, recorded as author</source>
        <translation>Votre nom, enregistré comme auteur</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="58" />
        <source>Office name written in exports</source>
        <translation>Nom du bureau écrit dans les exports</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="61" />
        <source>Office code, first part of new references</source>
        <translation>Code du bureau, début des nouvelles références</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="63" />
        <source>The code begins the reference of projects created from now on (e.g. %1-2026-0001); existing references never change. The name is written in exports, open data and PDF sheets. Both are shared by everyone using this database.</source>
        <translation>Le code commence la référence des projets créés à partir de maintenant (ex. %1-2026-0001) ; les références existantes ne changent jamais. Le nom figure dans les exports, les données ouvertes et les fiches PDF. Les deux sont communs à tous ceux qui utilisent cette base.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="72" />
        <source>Language of the interface</source>
        <translation>Langue de l'interface</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="81" />
        <source>&amp;Your name:</source>
        <translation>&amp;Votre nom :</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="82" />
        <source>&amp;Office name:</source>
        <translation>Nom du &amp;bureau :</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="85" />
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="74" />
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="75" />
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="76" />
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="78" />
        <source>Colour theme</source>
        <translation>Thème de couleurs</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="79" />
        <source>Identity and appearance</source>
        <translation>Identité et apparence</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="83" />
        <source>Office co&amp;de:</source>
        <translation>C&amp;ode du bureau :</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="86" />
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="88" />
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="91" />
        <source>Open &amp;another…</source>
        <translation>Ouvrir une &amp;autre…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="93" />
        <source>Create a &amp;new one…</source>
        <translation>En créer une &amp;nouvelle…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="103" />
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="105" />
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="145" />
        <source>Backups folder</source>
        <translation>Dossier des sauvegardes</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="106" />
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="111" />
        <source>Number of backups kept</source>
        <translation>Nombre de sauvegardes conservées</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="112" />
        <source>Back &amp;up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="114" />
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="120" />
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier :</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/preferences.py" line="121" />
        <source>&amp;Keep:</source>
        <translation>&amp;Conserver :</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="181" />
        <source>What the import will change</source>
        <translation>Ce que l'import va changer</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="182" />
        <source>Nothing is written yet. Settle each conflict, then choose Import.</source>
        <translation>Rien n'est encore écrit. Tranchez chaque conflit, puis choisissez Importer.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="184" />
        <source>Kinds of change</source>
        <translation>Types de changement</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="188" />
        <source>Progress of the import</source>
        <translation>Avancement de l'import</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="201" />
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="214" />
        <source>New (%1)</source>
        <translation>Nouveaux (%1)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="215" />
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="234" />
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="239" />
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="243" />
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="270" />
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="215" />
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="241" />
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="243" />
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="215" />
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="241" />
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="243" />
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="217" />
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="270" />
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="217" />
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="270" />
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="217" />
        <source>Here → in the file</source>
        <translation>Ici → dans le fichier</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="225" />
        <source>Changed (%1)</source>
        <translation>Modifiés (%1)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="252" />
        <source>&amp;Keep all here</source>
        <translation>Tout &amp;garder ici</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="254" />
        <source>&amp;Take all from the file</source>
        <translation>Tout &amp;prendre du fichier</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="265" />
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="271" />
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="338" />
        <source>At export</source>
        <translation>À l'export</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="271" />
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="339" />
        <source>Here</source>
        <translation>Ici</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="271" />
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="340" />
        <source>In the file</source>
        <translation>Dans le fichier</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="317" />
        <source>Event: %1</source>
        <translation>Événement : %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="287" />
        <source>Choice for %1, %2</source>
        <translation>Choix pour %1, %2</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="230" />
        <source>Conflicts (%1)</source>
        <translation>Conflits (%1)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="231" />
        <source>Errors (%1)</source>
        <translation>Erreurs (%1)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="234" />
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="239" />
        <source>Cell</source>
        <translation>Cellule</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="234" />
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="237" />
        <source>Ignored rows (%1)</source>
        <translation>Lignes ignorées (%1)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="239" />
        <source>Why</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="240" />
        <source>Absent (%1)</source>
        <translation>Absents (%1)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="242" />
        <source>Unchanged (%1)</source>
        <translation>Inchangés (%1)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="270" />
        <source>Choice</source>
        <translation>Choix</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="284" />
        <source>To settle…</source>
        <translation>À trancher…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="285" />
        <source>Keep here</source>
        <translation>Garder ici</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="286" />
        <source>Take from the file</source>
        <translation>Prendre du fichier</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="300" />
        <source>The selected conflict, whole</source>
        <translation>Le conflit sélectionné, en entier</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="322" />
        <source>(unknown)</source>
        <translation>(inconnue)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="336" />
        <source>(unknown: no common version found)</source>
        <translation>(inconnue : aucune version commune trouvée)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="355" />
        <source>%n conflict(s) left to settle before importing.</source>
        <translation><numerusform>%n conflit à trancher avant d'importer.</numerusform><numerusform>%n conflits à trancher avant d'importer.</numerusform></translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="395" />
        <source>Importing… the database is backed up first, then every change is written in one go.</source>
        <translation>Import en cours… la base est d'abord sauvegardée, puis toutes les modifications sont écrites d'un seul coup.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="424" />
        <source>Nothing was imported: %1 error(s) and %2 unsettled conflict(s). Correct the file and import it again.</source>
        <translation>Rien n'a été importé : %1 erreur(s) et %2 conflit(s) non tranché(s). Corrigez le fichier et importez-le de nouveau.</translation>
    </message>
</context>
<context>
    <name>ProjectActions</name>
    <message>
        <location filename="../../labest_desktop/ui/project_actions.py" line="90" />
        <source>Delete the project “%1”? It can be brought back with Undo (Ctrl+Z).</source>
        <translation>Supprimer le projet « %1 » ? Il peut être rétabli par Annuler (Ctrl+Z).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/project_actions.py" line="93" />
        <source>Delete %n projects? They can be brought back with Undo (Ctrl+Z).</source>
        <translation><numerusform>Supprimer %n projet ? Il peut être rétabli par Annuler (Ctrl+Z).</numerusform><numerusform>Supprimer %n projets ? Ils peuvent être rétablis par Annuler (Ctrl+Z).</numerusform></translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/project_actions.py" line="94" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>ProjectEditor</name>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="90" />
        <source>Parts of the project</source>
        <translation>Parties du projet</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="97" />
        <source>&amp;Details</source>
        <translation>&amp;Fiche</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="99" />
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="99" />
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="99" />
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="99" />
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="100" />
        <source>History of the project</source>
        <translation>Historique du projet</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="103" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="103" />
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="103" />
        <source>To</source>
        <translation>Vers</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="103" />
        <source>Decided by</source>
        <translation>Décidé par</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="103" />
        <source>Rationale</source>
        <translation>Justification</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="105" />
        <source>Stage decisions</source>
        <translation>Décisions d'étape</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="115" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="119" />
        <source>New note</source>
        <translation>Nouvelle note</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="120" />
        <source>Write a note…</source>
        <translation>Écrire une note…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="121" />
        <source>&amp;Add the note</source>
        <translation>&amp;Ajouter la note</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="143" />
        <source>Project sheet (&amp;PDF)…</source>
        <translation>Fiche projet (&amp;PDF)…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="270" />
        <source>%1 has just changed this project: the form shows the new version.</source>
        <translation>%1 vient de modifier ce projet : la fiche affiche la nouvelle version.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="274" />
        <source>%1 changed this project since you opened it. Compare their changes with yours before saving.</source>
        <translation>%1 a modifié ce projet depuis que vous l'avez ouvert. Comparez ses modifications avec les vôtres avant d'enregistrer.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="134" />
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="135" />
        <source>De&amp;cisions</source>
        <translation>Dé&amp;cisions</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="136" />
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="137" />
        <source>Linked &amp;events</source>
        <translation>Événements &amp;liés</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="146" />
        <source>Write this project's sheet for a committee, as a PDF</source>
        <translation>Écrire la fiche de ce projet pour un comité, en PDF</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="163" />
        <source>Co&amp;mpare now…</source>
        <translation>Co&amp;mparer maintenant…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="183" />
        <source>New project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="184" />
        <source>&lt;b&gt;New project&lt;/b&gt; — the reference is given when saving.</source>
        <translation>&lt;b&gt;Nouveau projet&lt;/b&gt; — la référence est attribuée à l'enregistrement.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="198" />
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="200" />
        <source>&lt;b&gt;%1&lt;/b&gt; · version %2 · modified %3 by %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · version %2 · modifié le %3 par %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="218" />
        <source>%n field(s)</source>
        <translation><numerusform>%n champ</numerusform><numerusform>%n champs</numerusform></translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/project_editor.py" line="237" />
        <source>Time in each stage: %1</source>
        <translation>Temps passé à chaque étape : %1</translation>
    </message>
</context>
<context>
    <name>ProjectEventsPanel</name>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="661" />
        <location filename="../../labest_desktop/ui/views/events.py" line="667" />
        <source>Events of the project</source>
        <translation>Événements du projet</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="676" />
        <source>undated</source>
        <translation>non daté</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <location filename="../../labest_desktop/ui/editor/form.py" line="155" />
        <source>Move to &amp;stage…</source>
        <translation>Passer à l'&amp;étape…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/form.py" line="156" />
        <source>Record a stage decision with its rationale</source>
        <translation>Enregistrer une décision d'étape avec sa justification</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/editor/form.py" line="65" />
        <source>Themes separated by ;</source>
        <translation>Thématiques séparées par ;</translation>
    </message>
</context>
<context>
    <name>ProjectSheet</name>
    <message>
        <location filename="../../labest_desktop/ui/reports/project_sheet.py" line="23" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/project_sheet.py" line="23" />
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/project_sheet.py" line="24" />
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/project_sheet.py" line="24" />
        <source>Rationale</source>
        <translation>Justification</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/project_sheet.py" line="85" />
        <source>Project sheet</source>
        <translation>Fiche projet</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/project_sheet.py" line="87" />
        <source>Stage and status</source>
        <translation>Étape et statut</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/project_sheet.py" line="88" />
        <source>In stage since</source>
        <translation>À cette étape depuis</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/project_sheet.py" line="90" />
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/project_sheet.py" line="96" />
        <source>Stage decisions</source>
        <translation>Décisions d'étape</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/project_sheet.py" line="109" />
        <source>Recent notes</source>
        <translation>Notes récentes</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/project_sheet.py" line="117" />
        <source>No note.</source>
        <translation>Aucune note.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/project_sheet.py" line="119" />
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/project_sheet.py" line="138" />
        <source>Project sheet – %1</source>
        <translation>Fiche projet – %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/project_sheet.py" line="140" />
        <source>Project sheets (%1)</source>
        <translation>Fiches projets (%1)</translation>
    </message>
</context>
<context>
    <name>ProjectSheets</name>
    <message>
        <location filename="../../labest_desktop/ui/project_sheets.py" line="29" />
        <source>Save the project sheet</source>
        <translation>Enregistrer la fiche projet</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/project_sheets.py" line="30" />
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ProjectTable</name>
    <message>
        <location filename="../../labest_desktop/ui/models/project_table.py" line="61" />
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/models/project_table.py" line="66" />
        <source>Modified</source>
        <translation>Modifié le</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/models/project_table.py" line="67" />
        <source>In stage since</source>
        <translation>À cette étape depuis</translation>
    </message>
</context>
<context>
    <name>ProjectsView</name>
    <message>
        <location filename="../../labest_desktop/ui/views/projects.py" line="197" />
        <source>Search title, reference, organisation, theme… (Ctrl+F)</source>
        <translation>Rechercher un titre, une référence, une organisation, une thématique… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/projects.py" line="198" />
        <source>Search projects</source>
        <translation>Rechercher des projets</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/projects.py" line="199" />
        <source>Saved views</source>
        <translation>Vues enregistrées</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/projects.py" line="202" />
        <source>Save view…</source>
        <translation>Enregistrer la vue…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/projects.py" line="203" />
        <source>Save the current view</source>
        <translation>Enregistrer la vue actuelle</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/projects.py" line="204" />
        <source>Delete view</source>
        <translation>Supprimer la vue</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/projects.py" line="205" />
        <source>Delete the chosen saved view</source>
        <translation>Supprimer la vue enregistrée choisie</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/projects.py" line="206" />
        <source>Vie&amp;w:</source>
        <translation>&amp;Vue :</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/projects.py" line="207" />
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/projects.py" line="214" />
        <source>No project yet. Create one (Ctrl+N) or import a workbook (Ctrl+I).</source>
        <translation>Aucun projet pour l'instant. Créez-en un (Ctrl+N) ou importez un classeur (Ctrl+I).</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/projects.py" line="216" />
        <source>No project matches “%1”. Check the spelling, shorten the search or clear the filters (Ctrl+F to search again).</source>
        <translation>Aucun projet ne correspond à « %1 ». Vérifiez l'orthographe, raccourcissez la recherche ou effacez les filtres (Ctrl+F pour chercher à nouveau).</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/projects.py" line="218" />
        <source>No project under these filters. Remove a filter chip above, or clear them all.</source>
        <translation>Aucun projet avec ces filtres. Retirez un filtre ci-dessus, ou effacez-les tous.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/projects.py" line="425" />
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/projects.py" line="201" />
        <location filename="../../labest_desktop/ui/views/projects.py" line="445" />
        <source>(current view)</source>
        <translation>(vue actuelle)</translation>
    </message>
</context>
<context>
    <name>ReadPage</name>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="108" />
        <source>Reading and checking</source>
        <translation>Lecture et vérification</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="110" />
        <source>Progress of the reading</source>
        <translation>Avancement de la lecture</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="113" />
        <source>&amp;Stop reading</source>
        <translation>&amp;Arrêter la lecture</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="131" />
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="150" />
        <source>File read: %n row(s).</source>
        <translation><numerusform>Fichier lu : %n ligne.</numerusform><numerusform>Fichier lu : %n lignes.</numerusform></translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="160" />
        <source>Reading stopped. Nothing was imported.</source>
        <translation>Lecture arrêtée. Rien n'a été importé.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="164" />
        <source>The file could not be read.</source>
        <translation>Le fichier n'a pas pu être lu.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/recovery.py" line="22" />
        <source>Lab'EST – the database cannot be opened</source>
        <translation>Lab'EST – la base ne peut pas être ouverte</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/recovery.py" line="31" />
        <source>Newest good backup: %1 (%2). The damaged file will be kept aside, renamed, never deleted.</source>
        <translation>Dernière sauvegarde saine : %1 (%2). Le fichier endommagé sera mis de côté sous un autre nom, jamais supprimé.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/recovery.py" line="35" />
        <source>&amp;Restore this backup</source>
        <translation>&amp;Restaurer cette sauvegarde</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/recovery.py" line="39" />
        <source>No good backup was found.</source>
        <translation>Aucune sauvegarde saine n'a été trouvée.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/recovery.py" line="40" />
        <source>&amp;Open another database…</source>
        <translation>&amp;Ouvrir une autre base…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/recovery.py" line="42" />
        <source>Create a &amp;new database…</source>
        <translation>Créer une &amp;nouvelle base…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/recovery.py" line="44" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/recovery.py" line="55" />
        <source>Open a database</source>
        <translation>Ouvrir une base</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/recovery.py" line="56" />
        <source>Lab'EST databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>Bases Lab'EST (*.sqlite3 *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/recovery.py" line="61" />
        <source>Create a database</source>
        <translation>Créer une base</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/recovery.py" line="62" />
        <source>Lab'EST databases (*.sqlite3)</source>
        <translation>Bases Lab'EST (*.sqlite3)</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="22" />
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="22" />
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="23" />
        <source>Lead</source>
        <translation>Porteur</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="23" />
        <source>Dept.</source>
        <translation>Dépt</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="24" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="24" />
        <source>In stage since</source>
        <translation>À cette étape depuis</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="25" />
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="36" />
        <source>search: %1</source>
        <translation>recherche : %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="42" />
        <source>departments: %1</source>
        <translation>départements : %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="44" />
        <source>%1 selected projects</source>
        <translation>%1 projets sélectionnés</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="45" />
        <source>whole portfolio</source>
        <translation>tout le portefeuille</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="54" />
        <source>No project at this stage.</source>
        <translation>Aucun projet à cette étape.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="77" />
        <source>… and %1 more projects.</source>
        <translation>… et %1 projets de plus.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="90" />
        <source>Lab'EST portfolio report</source>
        <translation>Rapport de portefeuille Lab'EST</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="90" />
        <source>Lab'EST dashboard</source>
        <translation>Synthèse Lab'EST</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="102" />
        <source>Drawn up on %1 — %2</source>
        <translation>Établi le %1 — %2</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="106" />
        <source>%1 projects — total budget %2</source>
        <translation>%1 projets — budget total %2</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="112" />
        <source>Over-committed envelopes: %1</source>
        <translation>Enveloppes dépassées : %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="114" />
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/reports/portfolio.py" line="117" />
        <source>Projects per stage</source>
        <translation>Projets par étape</translation>
    </message>
</context>
<context>
    <name>SaveViewDialog</name>
    <message>
        <location filename="../../labest_desktop/ui/views/projects.py" line="97" />
        <source>Save the view</source>
        <translation>Enregistrer la vue</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/projects.py" line="98" />
        <source>Name of this view (filters, sort and columns):</source>
        <translation>Nom de cette vue (filtres, tri et colonnes) :</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="58" />
        <source>Move to stage</source>
        <translation>Passer à l'étape</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="66" />
        <source>New stage</source>
        <translation>Nouvelle étape</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="69" />
        <source>Rationale of the decision</source>
        <translation>Justification de la décision</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="70" />
        <source>Why this decision? (required; kept in the Decisions tab)</source>
        <translation>Pourquoi cette décision ? (obligatoire ; conservée dans l'onglet Décisions)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="79" />
        <source>Current stage: %1</source>
        <translation>Étape actuelle : %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="80" />
        <source>&amp;New stage:</source>
        <translation>&amp;Nouvelle étape :</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="83" />
        <source>&amp;Rationale:</source>
        <translation>&amp;Justification :</translation>
    </message>
</context>
<context>
    <name>StaleEditDialog</name>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="124" />
        <source>Project changed elsewhere</source>
        <translation>Projet modifié ailleurs</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="127" />
        <source>While you were editing, %1 saved changes to this project. Nothing of yours has been saved yet.</source>
        <translation>Pendant votre saisie, %1 a enregistré des modifications de ce projet. Rien de votre saisie n'est encore enregistré.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="133" />
        <source>Changes made elsewhere</source>
        <translation>Modifications faites ailleurs</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="141" />
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="141" />
        <source>When opened</source>
        <translation>À l'ouverture</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="141" />
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="142" />
        <source>Yours</source>
        <translation>Votre saisie</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="145" />
        <source>&amp;Reload (lose my changes)</source>
        <translation>&amp;Recharger (perdre ma saisie)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="147" />
        <source>&amp;Overwrite with my version</source>
        <translation>Ré&amp;écrire avec ma version</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="176" />
        <source>Change the status</source>
        <translation>Changer le statut</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="178" />
        <source>New status</source>
        <translation>Nouveau statut</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="182" />
        <source>New &amp;status for %n project(s):</source>
        <translation><numerusform>Nouveau &amp;statut pour %n projet :</numerusform><numerusform>Nouveau &amp;statut pour %n projets :</numerusform></translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="442" />
        <source>Import finished</source>
        <translation>Import terminé</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="450" />
        <source>%1 project(s) created, %2 updated, %3 unchanged, %4 absent from the file.</source>
        <translation>%1 projet(s) créé(s), %2 mis à jour, %3 inchangé(s), %4 absent(s) du fichier.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="455" />
        <source>%1 reference(s) renumbered.</source>
        <translation>%1 référence(s) renumérotée(s).</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="457" />
        <source>Ignored columns: %1</source>
        <translation>Colonnes ignorées : %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="460" />
        <source>Backup made before the import: %1</source>
        <translation>Sauvegarde faite avant l'import : %1</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/import_wizard.py" line="461" />
        <source>File &gt; Undo the last import brings everything back.</source>
        <translation>Fichier &gt; Annuler le dernier import remet tout en l'état.</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <location filename="../../labest_desktop/ui/undo_commands.py" line="71" />
        <source>Edit “%1”</source>
        <translation>Modification de « %1 »</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/undo_commands.py" line="96" />
        <source>Create “%1”</source>
        <translation>Création de « %1 »</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/undo_commands.py" line="119" />
        <source>Move “%1” to %2</source>
        <translation>Passage de « %1 » à l'étape %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/undo_commands.py" line="143" />
        <source>Delete %n project(s)</source>
        <translation><numerusform>Suppression de %n projet</numerusform><numerusform>Suppression de %n projets</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/undo_commands.py" line="168" />
        <source>Set %n project(s) to %1</source>
        <translation><numerusform>Statut %1 pour %n projet</numerusform><numerusform>Statut %1 pour %n projets</numerusform></translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/undo_commands.py" line="204" />
        <source>Import of “%1”</source>
        <translation>Import de « %1 »</translation>
    </message>
</context>
<context>
    <name>UnsavedChangesDialog</name>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="38" />
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="39" />
        <source>This project has changes that were not saved.</source>
        <translation>Ce projet a des modifications non enregistrées.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/dialogs/prompts.py" line="40" />
        <source>Save them before closing?</source>
        <translation>Les enregistrer avant de fermer ?</translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <location filename="../../labest_desktop/ui/views/__init__.py" line="33" />
        <source>&amp;Projects</source>
        <translation>&amp;Projets</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/__init__.py" line="73" />
        <source>&amp;Board</source>
        <translation>&amp;Tableau</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/__init__.py" line="74" />
        <source>&amp;Events</source>
        <translation>É&amp;vénements</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/__init__.py" line="75" />
        <source>P&amp;artners</source>
        <translation>P&amp;artenaires</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/__init__.py" line="76" />
        <source>&amp;Funding</source>
        <translation>&amp;Financement</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/__init__.py" line="77" />
        <source>&amp;Summary</source>
        <translation>&amp;Synthèse</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <location filename="../../labest_desktop/ui/views/__init__.py" line="33" />
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/__init__.py" line="73" />
        <source>Board</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/__init__.py" line="74" />
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/__init__.py" line="75" />
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/__init__.py" line="76" />
        <source>Funding</source>
        <translation>Financement</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/__init__.py" line="77" />
        <source>Summary</source>
        <translation>Synthèse</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <location filename="../../labest_desktop/ui/labels.py" line="22" />
        <source>Creation</source>
        <translation>Création</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/labels.py" line="23" />
        <source>Edit</source>
        <translation>Modification</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/labels.py" line="24" />
        <source>Stage decision</source>
        <translation>Décision d'étape</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/labels.py" line="25" />
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/labels.py" line="26" />
        <source>Undo</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/labels.py" line="27" />
        <source>Deletion</source>
        <translation>Suppression</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/labels.py" line="28" />
        <source>Restoration</source>
        <translation>Rétablissement</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/labels.py" line="29" />
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/labels.py" line="107" />
        <source>Région (whole Grand Est)</source>
        <translation>Région (tout le Grand Est)</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../labest_desktop/ui/welcome.py" line="110" />
        <source>Welcome to Lab'EST Desktop</source>
        <translation>Bienvenue dans Lab'EST Desktop</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/welcome.py" line="112" />
        <source>The portfolio is empty. Start by creating a first project, import a workbook sent by another office, or explore the application with a sample portfolio.</source>
        <translation>Le portefeuille est vide. Commencez par créer un premier projet, importez un classeur envoyé par un autre bureau, ou découvrez l'application avec un portefeuille d'exemple.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/welcome.py" line="115" />
        <source>Office &amp;name:</source>
        <translation>&amp;Nom du bureau :</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/welcome.py" line="116" />
        <source>Office co&amp;de:</source>
        <translation>Co&amp;de du bureau :</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/welcome.py" line="117" />
        <source>e.g. Prefecture of Bas-Rhin</source>
        <translation>ex. Préfecture du Bas-Rhin</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/welcome.py" line="118" />
        <source>e.g. PREF67</source>
        <translation>ex. PREF67</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/welcome.py" line="119" />
        <source>Office name</source>
        <translation>Nom du bureau</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/welcome.py" line="120" />
        <source>Office code</source>
        <translation>Code du bureau</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/welcome.py" line="123" />
        <source>&amp;Create a project</source>
        <translation>&amp;Créer un projet</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/welcome.py" line="124" />
        <source>&amp;Import a workbook…</source>
        <translation>&amp;Importer un classeur…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/welcome.py" line="125" />
        <source>Load the &amp;demo sample</source>
        <translation>Charger l'exemple de &amp;démonstration</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/welcome.py" line="136" />
        <source>First, who is this office? Its code begins the reference of every project created here (%1-2026-0001) and its name is written in exports and PDF sheets. Both can be changed later in Preferences.</source>
        <translation>D'abord, quel est ce bureau ? Son code commence la référence de chaque projet créé ici (%1-2026-0001) et son nom figure dans les exports et les fiches PDF. Les deux se modifient plus tard dans Préférences.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/welcome.py" line="123" />
        <source>Create a first project</source>
        <translation>Créer un premier projet</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/welcome.py" line="124" />
        <source>Import an .xlsx, .ods or .csv workbook</source>
        <translation>Importer un classeur .xlsx, .ods ou .csv</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/welcome.py" line="125" />
        <source>Fill the database with sample projects</source>
        <translation>Remplir la base avec des projets d'exemple</translation>
    </message>
</context>
</TS>