<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
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
        <location filename="../../labest_desktop/ui/views/view_errors.py" line="13" />
        <source>Lab'EST</source>
        <translation>Lab'EST</translation>
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
</TS>