<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>BoardColumn</name>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="354" />
        <source>Show more cards</source>
        <translation>Afficher plus de fiches</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/board.py" line="365" />
        <source>%1: %n project(s)</source>
        <translation><numerusform>%1 : %n projet</numerusform><numerusform>%1 : %n projets</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/board.py" line="369" />
        <source>Show more (%n remaining)</source>
        <translation><numerusform>Afficher plus (%n restant)</numerusform><numerusform>Afficher plus (%n restants)</numerusform></translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/board.py" line="238" />
        <source>%n day(s) in this stage</source>
        <translation><numerusform>%n jour à cette étape</numerusform><numerusform>%n jours à cette étape</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/board.py" line="284" />
        <source>%n day(s)</source>
        <translation><numerusform>%n jour</numerusform><numerusform>%n jours</numerusform></translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="387" />
        <source>Board</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="414" />
        <source>Move to next stage…</source>
        <translation>Passer à l'étape suivante…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="418" />
        <source>Move to previous stage…</source>
        <translation>Revenir à l'étape précédente…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="427" />
        <source>Move to %1…</source>
        <translation>Passer à %1…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="430" />
        <source>Open the project</source>
        <translation>Ouvrir le projet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/board.py" line="517" />
        <source>%n project(s) on the board. Drag a card to another column, or select it and press Ctrl+Shift+→ / Ctrl+Shift+← (or use its context menu), to record a stage decision.</source>
        <translation><numerusform>%n projet au tableau. Faites glisser une fiche vers une autre colonne, ou sélectionnez-la et appuyez sur Ctrl+Maj+→ / Ctrl+Maj+← (ou utilisez son menu contextuel), pour enregistrer une décision d'étape.</numerusform><numerusform>%n projets au tableau. Faites glisser une fiche vers une autre colonne, ou sélectionnez-la et appuyez sur Ctrl+Maj+→ / Ctrl+Maj+← (ou utilisez son menu contextuel), pour enregistrer une décision d'étape.</numerusform></translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="54" />
        <source>Export PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="55" />
        <source>Export the chart “%1” as PNG</source>
        <translation>Exporter le graphique « %1 » en PNG</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="87" />
        <source>Summary</source>
        <translation>Synthèse</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="90" />
        <source>Export the dashboard as PDF…</source>
        <translation>Exporter la synthèse en PDF…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="91" />
        <source>Portfolio report (PDF)…</source>
        <translation>Rapport du portefeuille (PDF)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="141" />
        <source>%n project(s), total budget %1</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="143" />
        <source>following the current filter</source>
        <translation>selon le filtre actuel</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="147" />
        <source>Export the chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="147" />
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="157" />
        <source>Export as PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/dashboard.py" line="157" />
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>EnvelopeTableModel</name>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="55" />
        <source>Envelope</source>
        <translation>Enveloppe</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="55" />
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="55" />
        <source>Allocated</source>
        <translation>Allouée</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="55" />
        <source>Committed</source>
        <translation>Engagée</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="56" />
        <source>Remaining</source>
        <translation>Reste</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="56" />
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="56" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="61" />
        <source>No allocation</source>
        <translation>Sans allocation</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="63" />
        <source>Over-committed</source>
        <translation>Dépassée</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="65" />
        <source>%1 % used</source>
        <translation>%1 % utilisés</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="130" />
        <location filename="../../labest_desktop/ui/views/events.py" line="161" />
        <source>Dated</source>
        <translation>Daté</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="141" />
        <source>not known</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="147" />
        <source>Reference or words of a title, then Enter</source>
        <translation>Référence ou mots d'un titre, puis Entrée</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="150" />
        <source>Remove the project</source>
        <translation>Retirer le projet</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="151" />
        <source>Open the project</source>
        <translation>Ouvrir le projet</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="153" />
        <location filename="../../labest_desktop/ui/views/events.py" line="165" />
        <source>Filter organisations</source>
        <translation>Filtrer les organisations</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="155" />
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="157" />
        <location filename="../../labest_desktop/ui/views/events.py" line="274" />
        <source>New event</source>
        <translation>Nouvel événement</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="158" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="161" />
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="161" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="162" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="162" />
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="162" />
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="163" />
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="163" />
        <source>Linked projects</source>
        <translation>Projets liés</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="164" />
        <source>Find a project to link</source>
        <translation>Chercher un projet à lier</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="164" />
        <source>Projects found</source>
        <translation>Projets trouvés</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="165" />
        <source>Linked organisations</source>
        <translation>Organisations liées</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="171" />
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="172" />
        <source>&amp;Kind</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="176" />
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="178" />
        <source>&amp;Place</source>
        <translation>&amp;Lieu</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="179" />
        <source>Pa&amp;rticipants</source>
        <translation>Pa&amp;rticipants</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="180" />
        <source>D&amp;escription</source>
        <translation>D&amp;escription</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="189" />
        <source>Pro&amp;jects</source>
        <translation>Pro&amp;jets</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="194" />
        <source>&amp;Organisations</source>
        <translation>&amp;Organisations</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="72" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="72" />
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="72" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="72" />
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="73" />
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="73" />
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="381" />
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="387" />
        <source>Search events (title, place)</source>
        <translation>Rechercher un événement (titre, lieu)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="388" />
        <source>Search events</source>
        <translation>Rechercher des événements</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="396" />
        <source>Events list</source>
        <translation>Liste des événements</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="403" />
        <source>Month of events</source>
        <translation>Mois des événements</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="406" />
        <source>Events of the selected day</source>
        <translation>Événements du jour choisi</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="419" />
        <source>&amp;List</source>
        <translation>&amp;Liste</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="420" />
        <source>&amp;Month</source>
        <translation>&amp;Mois</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/events.py" line="488" />
        <source>Events on %1: %n</source>
        <translation><numerusform>Événements le %1 : %n</numerusform><numerusform>Événements le %1 : %n</numerusform></translation>
    </message>
</context>
<context>
    <name>FundingView</name>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="117" />
        <source>Funding</source>
        <translation>Financement</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="125" />
        <source>Funding envelopes</source>
        <translation>Enveloppes de financement</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="130" />
        <source>Count only the projects of the current &amp;filter</source>
        <translation>Ne compter que les projets du &amp;filtre actuel</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="136" />
        <source>e.g. 250 000,00</source>
        <translation>ex. 250 000,00</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="137" />
        <source>Envelope name</source>
        <translation>Nom de l'enveloppe</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="137" />
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="138" />
        <source>Allocated amount in euros</source>
        <translation>Montant alloué en euros</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="140" />
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="141" />
        <source>Add as a new envelope</source>
        <translation>Ajouter comme nouvelle enveloppe</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="143" />
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="144" />
        <source>&amp;Origin</source>
        <translation>&amp;Origine</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="145" />
        <source>&amp;Allocated (€)</source>
        <translation>&amp;Allouée (€)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/funding.py" line="180" />
        <source>%n envelope(s) over-committed: %1</source>
        <translation><numerusform>%n enveloppe dépassée : %1</numerusform><numerusform>%n enveloppes dépassées : %1</numerusform></translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/funding.py" line="182" />
        <source>No envelope is over-committed.</source>
        <translation>Aucune enveloppe n'est dépassée.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="91" />
        <source>Merge organisations</source>
        <translation>Fusionner des organisations</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="92" />
        <source>“%1” and the organisation chosen below are the same. Every project, partnership and event of “%1” moves to the one kept, and “%1” is removed. You can undo it.</source>
        <translation>« %1 » et l'organisation choisie ci-dessous sont la même. Chaque projet, partenariat et événement de « %1 » passe à celle conservée, et « %1 » est supprimée. Vous pouvez l'annuler.</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="97" />
        <source>Organisation kept</source>
        <translation>Organisation conservée</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="102" />
        <source>&amp;Keep</source>
        <translation>&amp;Conserver</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="104" />
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
</context>
<context>
    <name>OrganisationTableModel</name>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="58" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="58" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="58" />
        <source>Department</source>
        <translation>Département</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="58" />
        <source>Leads</source>
        <translation>Porte</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="59" />
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="59" />
        <source>Events</source>
        <translation>Événements</translation>
    </message>
</context>
<context>
    <name>PartnersView</name>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="158" />
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="165" />
        <location filename="../../labest_desktop/ui/views/partners.py" line="166" />
        <source>Search organisations</source>
        <translation>Rechercher des organisations</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="175" />
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="182" />
        <location filename="../../labest_desktop/ui/views/partners.py" line="186" />
        <source>(not set)</source>
        <translation>(non renseigné)</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="189" />
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="190" />
        <source>Merge into…</source>
        <translation>Fusionner avec…</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="194" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="194" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="195" />
        <source>Department</source>
        <translation>Département</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="195" />
        <source>Projects it leads</source>
        <translation>Projets qu'elle porte</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="196" />
        <source>Projects it partners</source>
        <translation>Projets dont elle est partenaire</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="196" />
        <source>Its events</source>
        <translation>Ses événements</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="199" />
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="200" />
        <source>&amp;Kind</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="201" />
        <source>&amp;Department</source>
        <translation>&amp;Département</translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/partners.py" line="275" />
        <source>Projects it &amp;leads (%n)</source>
        <translation><numerusform>Projets qu'elle &amp;porte (%n)</numerusform><numerusform>Projets qu'elle &amp;porte (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/partners.py" line="277" />
        <source>Projects it &amp;partners (%n)</source>
        <translation><numerusform>Projets dont elle est &amp;partenaire (%n)</numerusform><numerusform>Projets dont elle est &amp;partenaire (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../labest_desktop/ui/views/partners.py" line="285" />
        <source>Its &amp;events (%n)</source>
        <translation><numerusform>Ses &amp;événements (%n)</numerusform><numerusform>Ses &amp;événements (%n)</numerusform></translation>
    </message>
</context>
<context>
    <name>ProjectEventsPanel</name>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="520" />
        <source>Events of the project</source>
        <translation>Événements du projet</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="529" />
        <source>undated</source>
        <translation>non daté</translation>
    </message>
</context>
<context>
    <name>RationaleDialog</name>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="82" />
        <source>Stage decision</source>
        <translation>Décision d'étape</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="84" />
        <source>Move “%1” from %2 to %3. Why?</source>
        <translation>Faire passer « %1 » de %2 à %3. Pourquoi ?</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="89" />
        <source>Rationale of the decision</source>
        <translation>Justification de la décision</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="94" />
        <source>Record the decision</source>
        <translation>Enregistrer la décision</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <location filename="../../labest_desktop/ui/views/kind_labels.py" line="11" />
        <source>Workshop</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/kind_labels.py" line="12" />
        <source>Creative session</source>
        <translation>Séance créative</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/kind_labels.py" line="13" />
        <source>Exhibition</source>
        <translation>Exposition</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/kind_labels.py" line="14" />
        <source>Training</source>
        <translation>Formation</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/kind_labels.py" line="15" />
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/kind_labels.py" line="18" />
        <source>State service</source>
        <translation>Service de l'État</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/kind_labels.py" line="19" />
        <source>Regional Council</source>
        <translation>Conseil régional</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/kind_labels.py" line="20" />
        <source>Local authority</source>
        <translation>Collectivité territoriale</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/kind_labels.py" line="21" />
        <source>Public operator</source>
        <translation>Opérateur public</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/kind_labels.py" line="22" />
        <source>Association / civil society</source>
        <translation>Association / société civile</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/kind_labels.py" line="23" />
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/kind_labels.py" line="24" />
        <source>University / research</source>
        <translation>Université / recherche</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <location filename="../../labest_desktop/ui/views/events.py" line="347" />
        <source>Create event “%1”</source>
        <translation>Création de l'événement « %1 »</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../labest_desktop/ui/views/view_errors.py" line="12" />
        <source>Lab'EST</source>
        <translation>Lab'EST</translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <location filename="../../labest_desktop/ui/views/board.py" line="117" />
        <source>Move %1 to %2</source>
        <translation>Passage de %1 à %2</translation>
    </message>
    <message>
        <location filename="../../labest_desktop/ui/views/partners.py" line="122" />
        <source>Merge “%1” into “%2”</source>
        <translation>Fusion de « %1 » dans « %2 »</translation>
    </message>
</context>
</TS>