<?xml version="1.0" encoding="UTF-8"?>
<!--
  jats-to-fo.xsl: Korea Policy's print layout. JATS 1.3 (Journal Publishing) in, XSL-FO 1.1 out.

  Run by kei-pipeline's emit.fo stage through libxslt (XSLT 1.0); the result is rendered to PDF by
  render.pdf with Apache FOP. A designer may change anything here: page size and margins, fonts,
  sizes, spacing, the title block. Keep it XSLT 1.0 (libxslt) and XSL-FO 1.1 (FOP 2.8).

  Parameters (set by emit.fo; every one has a default so the file also runs with plain xsltproc):
    running-head   the text in the header of every page after the first ("Korea Policy · Vol. 3, Issue 2")
    notes          footnotes | endnotes: where the article's notes (fn-group) go
    page-size      A4 | letter
    doi            the article's DOI, used when the JATS carries no article-id of type doi
    pdf-date       YYYY-MM-DD: the PDF's creation and modification date (the issue's cover date), so
                   that the date in the PDF does not change from run to run; empty: FOP uses the clock
    local-images   |-separated graphic hrefs that exist as local files; other graphics print as a
                   placeholder box with their caption (the renderer never fetches from the network)

  Safety: libxslt runs this file without network access or file writes, and render.pdf refuses an FO
  that would make FOP read anything else (render.pdf.unsafe-fo): no XInclude, no DOCTYPE, no xml:base,
  graphics only as relative paths inside the article's folder (or the output folder). EXSLT is not
  registered.

  Fonts: font families are lists; FOP picks per character, so Latin text is set in DejaVu Serif
  (with real italics and bold) and Hangul in Noto Serif CJK KR. render.pdf registers both for
  embedding (apt: fonts-dejavu-core, fonts-noto-cjk).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:ali="http://www.niso.org/schemas/ali/1.0/"
    exclude-result-prefixes="xlink ali">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="running-head" select="''"/>
  <xsl:param name="notes" select="'endnotes'"/>
  <xsl:param name="page-size" select="'A4'"/>
  <xsl:param name="doi" select="''"/>
  <xsl:param name="local-images" select="''"/>
  <xsl:param name="pdf-date" select="''"/>

  <!-- ===== Design settings ===== -->
  <xsl:variable name="body-font">DejaVu Serif, Noto Serif CJK KR</xsl:variable>
  <xsl:variable name="heading-font">DejaVu Sans, Noto Sans CJK KR, DejaVu Serif, Noto Serif CJK KR</xsl:variable>
  <xsl:variable name="body-size">10pt</xsl:variable>
  <xsl:variable name="body-leading">14pt</xsl:variable>
  <xsl:variable name="small-size">8.5pt</xsl:variable>
  <xsl:variable name="accent">#1f3a5f</xsl:variable>

  <xsl:variable name="page-width">
    <xsl:choose><xsl:when test="$page-size = 'letter'">8.5in</xsl:when><xsl:otherwise>210mm</xsl:otherwise></xsl:choose>
  </xsl:variable>
  <xsl:variable name="page-height">
    <xsl:choose><xsl:when test="$page-size = 'letter'">11in</xsl:when><xsl:otherwise>297mm</xsl:otherwise></xsl:choose>
  </xsl:variable>

  <xsl:variable name="meta" select="/article/front/article-meta"/>
  <xsl:variable name="article-doi">
    <xsl:choose>
      <xsl:when test="$meta/article-id[@pub-id-type='doi']"><xsl:value-of select="$meta/article-id[@pub-id-type='doi']"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$doi"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- ===== Pages ===== -->
  <xsl:template match="/">
    <fo:root font-family="{$body-font}" font-size="{$body-size}" line-height="{$body-leading}" language="en">
      <fo:layout-master-set>
        <!-- The first page: no running head, room for the title block. -->
        <fo:simple-page-master master-name="first" page-width="{$page-width}" page-height="{$page-height}"
            margin-top="18mm" margin-bottom="14mm" margin-left="22mm" margin-right="22mm">
          <fo:region-body margin-top="8mm" margin-bottom="12mm"/>
          <fo:region-after region-name="first-after" extent="8mm"/>
        </fo:simple-page-master>
        <!-- Every other page: running head (journal, volume, issue) above, page number below. -->
        <fo:simple-page-master master-name="rest" page-width="{$page-width}" page-height="{$page-height}"
            margin-top="14mm" margin-bottom="14mm" margin-left="22mm" margin-right="22mm">
          <fo:region-body margin-top="14mm" margin-bottom="12mm"/>
          <fo:region-before region-name="rest-before" extent="11mm"/>
          <fo:region-after region-name="rest-after" extent="8mm"/>
        </fo:simple-page-master>
        <fo:page-sequence-master master-name="article">
          <fo:repeatable-page-master-alternatives>
            <fo:conditional-page-master-reference master-reference="first" page-position="first"/>
            <fo:conditional-page-master-reference master-reference="rest" page-position="rest"/>
          </fo:repeatable-page-master-alternatives>
        </fo:page-sequence-master>
      </fo:layout-master-set>
      <xsl:call-template name="pdf-metadata"/>

      <fo:page-sequence master-reference="article" initial-page-number="1">
        <fo:static-content flow-name="rest-before">
          <fo:block font-family="{$heading-font}" font-size="{$small-size}" color="{$accent}" text-align="left"
              border-bottom="0.5pt solid {$accent}" padding-bottom="1mm">
            <xsl:value-of select="$running-head"/>
          </fo:block>
        </fo:static-content>
        <fo:static-content flow-name="first-after">
          <fo:block font-size="{$small-size}" text-align="center"><fo:page-number/></fo:block>
        </fo:static-content>
        <fo:static-content flow-name="rest-after">
          <fo:block font-size="{$small-size}" text-align="center"><fo:page-number/></fo:block>
        </fo:static-content>
        <fo:static-content flow-name="xsl-footnote-separator">
          <fo:block><fo:leader leader-pattern="rule" leader-length="30%" rule-thickness="0.5pt"/></fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body" hyphenate="false" text-align="justify">
          <xsl:call-template name="title-block"/>
          <xsl:apply-templates select="$meta/abstract"/>
          <xsl:apply-templates select="/article/body"/>
          <xsl:apply-templates select="/article/back"/>
          <xsl:call-template name="license"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- PDF metadata (XMP, which FOP copies into the PDF's Info dictionary): title, authors, fixed dates. -->
  <xsl:template name="pdf-metadata">
    <fo:declarations>
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <dc:title><xsl:apply-templates select="$meta/title-group/article-title" mode="plain"/></dc:title>
            <dc:creator>
              <xsl:for-each select="$meta/contrib-group/contrib">
                <xsl:if test="position() &gt; 1">, </xsl:if>
                <xsl:call-template name="contrib-name"/>
              </xsl:for-each>
            </dc:creator>
            <xsl:if test="string-length($pdf-date) = 10">
              <dc:date><xsl:value-of select="$pdf-date"/>T00:00:00Z</dc:date>
              <xmp:CreateDate><xsl:value-of select="$pdf-date"/>T00:00:00Z</xmp:CreateDate>
              <xmp:ModifyDate><xsl:value-of select="$pdf-date"/>T00:00:00Z</xmp:ModifyDate>
              <xmp:MetadataDate><xsl:value-of select="$pdf-date"/>T00:00:00Z</xmp:MetadataDate>
            </xsl:if>
            <xmp:CreatorTool>kei-pipeline emit.fo (jats-to-fo.xsl)</xmp:CreatorTool>
          </rdf:Description>
        </rdf:RDF>
      </x:xmpmeta>
    </fo:declarations>
  </xsl:template>

  <!-- ===== Title block: journal line, title, subtitle, authors, affiliations, date, DOI ===== -->
  <xsl:template name="title-block">
    <fo:block font-family="{$heading-font}" font-size="{$small-size}" color="{$accent}" space-after="6mm">
      <xsl:value-of select="$running-head"/>
    </fo:block>
    <fo:block font-family="{$heading-font}" font-size="20pt" line-height="24pt" font-weight="bold" text-align="left"
        space-after="3mm" keep-with-next.within-page="always">
      <xsl:apply-templates select="$meta/title-group/article-title"/>
    </fo:block>
    <xsl:for-each select="$meta/title-group/subtitle">
      <fo:block font-family="{$heading-font}" font-size="13pt" line-height="16pt" text-align="left" space-after="3mm">
        <xsl:apply-templates/>
      </fo:block>
    </xsl:for-each>
    <fo:block font-size="11pt" text-align="left" space-before="3mm" space-after="2mm">
      <xsl:for-each select="$meta/contrib-group/contrib">
        <xsl:if test="position() &gt; 1">
          <xsl:choose>
            <xsl:when test="position() = last()"> and </xsl:when>
            <xsl:otherwise>, </xsl:otherwise>
          </xsl:choose>
        </xsl:if>
        <xsl:call-template name="contrib-name"/>
        <xsl:for-each select="xref[@ref-type='aff']">
          <fo:inline baseline-shift="super" font-size="7pt">
            <xsl:value-of select="count(key('aff', @rid)/preceding-sibling::aff) + 1"/>
          </fo:inline>
        </xsl:for-each>
      </xsl:for-each>
    </fo:block>
    <xsl:for-each select="$meta/aff | $meta/contrib-group/aff">
      <fo:block font-size="{$small-size}" line-height="11pt" text-align="left">
        <fo:inline baseline-shift="super" font-size="6pt"><xsl:value-of select="position()"/></fo:inline>
        <xsl:apply-templates select="node()[not(self::label)]"/>
      </fo:block>
    </xsl:for-each>
    <!-- The corresponding author's address (author-notes/corresp). -->
    <xsl:for-each select="$meta/author-notes/corresp">
      <fo:block font-size="{$small-size}" line-height="11pt" text-align="left" space-before="1mm">
        <xsl:if test="not(label) and not(starts-with(normalize-space(.), 'Corresp'))">Correspondence: </xsl:if>
        <xsl:apply-templates/>
      </fo:block>
    </xsl:for-each>
    <fo:block font-size="{$small-size}" line-height="11pt" text-align="left" space-before="3mm" space-after="8mm"
        border-bottom="0.5pt solid {$accent}" padding-bottom="2mm">
      <xsl:for-each select="($meta/pub-date[@date-type='pub'] | $meta/pub-date[not(@date-type)])[1]">
        <xsl:text>Published </xsl:text>
        <xsl:call-template name="date"/>
      </xsl:for-each>
      <xsl:if test="string($article-doi) != ''">
        <xsl:text> · DOI: </xsl:text>
        <fo:basic-link external-destination="url('https://doi.org/{$article-doi}')" color="{$accent}">
          <xsl:value-of select="$article-doi"/>
        </fo:basic-link>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <xsl:key name="aff" match="aff" use="@id"/>

  <xsl:template name="contrib-name">
    <xsl:choose>
      <!-- JATS name-style="eastern" (Korean, Chinese, Japanese names): surname first, no comma. -->
      <xsl:when test="name[@name-style = 'eastern']">
        <xsl:value-of select="name/surname"/>
        <xsl:if test="name/given-names and name/surname"><xsl:text> </xsl:text></xsl:if>
        <xsl:value-of select="name/given-names"/>
      </xsl:when>
      <xsl:when test="name">
        <xsl:value-of select="name/given-names"/>
        <xsl:if test="name/given-names and name/surname"><xsl:text> </xsl:text></xsl:if>
        <xsl:value-of select="name/surname"/>
        <xsl:if test="name/suffix"><xsl:text> </xsl:text><xsl:value-of select="name/suffix"/></xsl:if>
      </xsl:when>
      <xsl:when test="string-name"><xsl:value-of select="string-name"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="collab"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "15 December 2025" from a pub-date's day, month, year. -->
  <xsl:template name="date">
    <xsl:if test="day"><xsl:value-of select="number(day)"/><xsl:text> </xsl:text></xsl:if>
    <xsl:if test="month">
      <xsl:value-of select="substring('January  February March    April    May      June     July     August   SeptemberOctober  November December ',
                                      (number(month) - 1) * 9 + 1, 9)"/>
    </xsl:if>
    <xsl:value-of select="normalize-space(year)"/>
  </xsl:template>

  <!-- ===== Abstract and body ===== -->
  <xsl:template match="abstract">
    <fo:block background-color="#f2f4f7" padding="3mm" space-after="6mm" font-size="9.5pt" line-height="13pt">
      <fo:block font-family="{$heading-font}" font-weight="bold" space-after="1.5mm">Abstract</fo:block>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <xsl:template match="sec">
    <fo:block space-before="4mm">
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <!-- Section headings: size by depth (sec, sec/sec, deeper). -->
  <xsl:template match="sec/title">
    <xsl:variable name="depth" select="count(ancestor::sec)"/>
    <fo:block font-family="{$heading-font}" font-weight="bold" color="{$accent}" text-align="left"
        keep-with-next.within-page="always" space-after="2mm">
      <xsl:attribute name="font-size">
        <xsl:choose><xsl:when test="$depth = 1">13pt</xsl:when><xsl:when test="$depth = 2">11pt</xsl:when><xsl:otherwise>10pt</xsl:otherwise></xsl:choose>
      </xsl:attribute>
      <xsl:if test="$depth &gt; 2"><xsl:attribute name="font-style">italic</xsl:attribute></xsl:if>
      <xsl:if test="../label"><xsl:value-of select="../label"/><xsl:text> </xsl:text></xsl:if>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>
  <xsl:template match="sec/label"/>

  <xsl:template match="p">
    <fo:block space-after="2.5mm" orphans="2" widows="2"><xsl:apply-templates/></fo:block>
  </xsl:template>

  <!-- Lists: bullets or numbers, nested lists indent further. -->
  <xsl:template match="list">
    <fo:list-block provisional-distance-between-starts="6mm" provisional-label-separation="2mm"
        space-after="2.5mm" start-indent="inherit">
      <xsl:apply-templates select="list-item"/>
    </fo:list-block>
  </xsl:template>
  <xsl:template match="list-item">
    <fo:list-item space-after="1mm">
      <fo:list-item-label end-indent="label-end()">
        <fo:block text-align="right">
          <xsl:choose>
            <xsl:when test="label"><xsl:value-of select="label"/></xsl:when>
            <xsl:when test="../@list-type = 'order'"><xsl:number format="1."/></xsl:when>
            <xsl:otherwise>•</xsl:otherwise>
          </xsl:choose>
        </fo:block>
      </fo:list-item-label>
      <fo:list-item-body start-indent="body-start()">
        <xsl:apply-templates select="*[not(self::label)]"/>
      </fo:list-item-body>
    </fo:list-item>
  </xsl:template>
  <xsl:template match="list-item/p[position() = last()]">
    <fo:block><xsl:apply-templates/></fo:block>
  </xsl:template>

  <!-- Block quotations: indented, smaller, attribution right-aligned. -->
  <xsl:template match="disp-quote">
    <fo:block start-indent="10mm" end-indent="10mm" font-size="9.5pt" line-height="13pt" space-before="2mm" space-after="3mm">
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>
  <xsl:template match="disp-quote/attrib">
    <fo:block text-align="right" font-style="italic">— <xsl:apply-templates/></fo:block>
  </xsl:template>

  <!-- Tables: label and caption above, ruled header, footnotes below. -->
  <xsl:template match="table-wrap">
    <fo:block space-before="3mm" space-after="4mm" font-size="8.5pt" line-height="11pt" text-align="left">
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
      <xsl:call-template name="caption"/>
      <xsl:apply-templates select="table"/>
      <xsl:for-each select="table-wrap-foot">
        <fo:block font-size="7.5pt" space-before="1mm"><xsl:apply-templates/></fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>
  <xsl:template match="table">
    <fo:table table-layout="fixed" width="100%" border-top="0.75pt solid black" border-bottom="0.75pt solid black">
      <xsl:variable name="columns">
        <xsl:for-each select=".//tr">
          <xsl:sort select="count(th | td)" data-type="number" order="descending"/>
          <xsl:if test="position() = 1"><xsl:value-of select="count(th | td)"/></xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <xsl:call-template name="columns"><xsl:with-param name="n" select="number($columns)"/></xsl:call-template>
      <xsl:if test="thead">
        <fo:table-header border-bottom="0.5pt solid black" font-weight="bold">
          <xsl:apply-templates select="thead/tr"/>
        </fo:table-header>
      </xsl:if>
      <fo:table-body>
        <xsl:apply-templates select="tbody/tr | tr"/>
        <xsl:if test="not(tbody/tr | tr)"><fo:table-row><fo:table-cell><fo:block/></fo:table-cell></fo:table-row></xsl:if>
      </fo:table-body>
    </fo:table>
  </xsl:template>
  <xsl:template name="columns">
    <xsl:param name="n"/>
    <xsl:if test="$n &gt;= 1">
      <fo:table-column column-width="proportional-column-width(1)"/>
      <xsl:call-template name="columns"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
  <xsl:template match="tr">
    <fo:table-row keep-together.within-page="always"><xsl:apply-templates select="th | td"/></fo:table-row>
  </xsl:template>
  <xsl:template match="th | td">
    <fo:table-cell padding="1mm">
      <xsl:if test="@colspan &gt; 1"><xsl:attribute name="number-columns-spanned"><xsl:value-of select="@colspan"/></xsl:attribute></xsl:if>
      <xsl:if test="@rowspan &gt; 1"><xsl:attribute name="number-rows-spanned"><xsl:value-of select="@rowspan"/></xsl:attribute></xsl:if>
      <xsl:if test="self::th"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
      <fo:block><xsl:apply-templates/></fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- Figures: the image when it is a local file emit.fo found, else a box holding the alt text. -->
  <xsl:template match="fig">
    <fo:block space-before="3mm" space-after="4mm" keep-together.within-page="always" text-align="left">
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
      <xsl:for-each select="graphic">
        <xsl:choose>
          <xsl:when test="string(@xlink:href) != '' and contains(concat('|', $local-images, '|'), concat('|', @xlink:href, '|'))">
            <fo:block text-align="center">
              <fo:external-graphic src='url("{@xlink:href}")' content-width="scale-down-to-fit" width="100%"/>
            </fo:block>
          </xsl:when>
          <xsl:otherwise>
            <fo:block border="0.5pt dashed #888888" padding="8mm" text-align="center" color="#555555" font-size="8.5pt">
              <xsl:text>[Figure: </xsl:text>
              <xsl:choose>
                <xsl:when test="alt-text"><xsl:value-of select="alt-text"/></xsl:when>
                <xsl:otherwise>image not available for print</xsl:otherwise>
              </xsl:choose>
              <xsl:text>]</xsl:text>
            </fo:block>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <fo:block font-size="8.5pt" line-height="11pt" space-before="1.5mm"><xsl:call-template name="caption"/></fo:block>
    </fo:block>
  </xsl:template>

  <xsl:template name="caption">
    <fo:block font-size="8.5pt" line-height="11pt" space-after="1mm" keep-with-next.within-page="always">
      <xsl:if test="label"><fo:inline font-weight="bold"><xsl:value-of select="label"/>. </fo:inline></xsl:if>
      <xsl:for-each select="caption/title | caption/p">
        <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
        <xsl:apply-templates/>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <xsl:template match="boxed-text">
    <fo:block border="0.5pt solid {$accent}" padding="3mm" space-after="3mm"><xsl:apply-templates/></fo:block>
  </xsl:template>

  <xsl:template match="preformat">
    <fo:block font-family="DejaVu Sans Mono, monospace" font-size="8.5pt" white-space-collapse="false"
        linefeed-treatment="preserve" white-space-treatment="preserve" space-after="2.5mm" text-align="left">
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <!-- ===== Inline ===== -->
  <xsl:template match="italic"><fo:inline font-style="italic"><xsl:apply-templates/></fo:inline></xsl:template>
  <xsl:template match="bold"><fo:inline font-weight="bold"><xsl:apply-templates/></fo:inline></xsl:template>
  <xsl:template match="sc"><fo:inline font-variant="small-caps"><xsl:apply-templates/></fo:inline></xsl:template>
  <xsl:template match="underline"><fo:inline text-decoration="underline"><xsl:apply-templates/></fo:inline></xsl:template>
  <xsl:template match="monospace"><fo:inline font-family="DejaVu Sans Mono, monospace"><xsl:apply-templates/></fo:inline></xsl:template>
  <xsl:template match="sup"><fo:inline baseline-shift="super" font-size="70%"><xsl:apply-templates/></fo:inline></xsl:template>
  <xsl:template match="sub"><fo:inline baseline-shift="sub" font-size="70%"><xsl:apply-templates/></fo:inline></xsl:template>
  <xsl:template match="break"><fo:block/></xsl:template>

  <xsl:template match="ext-link | uri">
    <fo:basic-link external-destination="url('{@xlink:href}')" color="{$accent}" hyphenate="false"><xsl:apply-templates/></fo:basic-link>
  </xsl:template>
  <!-- Long URLs may break: a zero-width space after each / . - ? & of a link's text. -->
  <xsl:template match="ext-link//text() | uri//text()">
    <xsl:call-template name="breakable"><xsl:with-param name="text" select="."/></xsl:call-template>
  </xsl:template>
  <xsl:template name="breakable">
    <xsl:param name="text"/>
    <xsl:if test="$text != ''">
      <xsl:variable name="c" select="substring($text, 1, 1)"/>
      <xsl:value-of select="$c"/>
      <xsl:if test="contains('/.-?&amp;', $c) and string-length($text) &gt; 1"><xsl:text>&#x200B;</xsl:text></xsl:if>
      <xsl:call-template name="breakable"><xsl:with-param name="text" select="substring($text, 2)"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A cross-reference to a note. Footnotes: the note prints as a footnote at its FIRST citation only (an id
       may occur once in XSL-FO); later citations print its number as a link to it. Endnotes: a superscript
       number linking to the note in "Notes". -->
  <xsl:template match="xref[@ref-type='fn']">
    <xsl:variable name="note" select="key('note', @rid)"/>
    <xsl:choose>
      <xsl:when test="$notes = 'footnotes' and $note and generate-id(.) = generate-id(key('note-citation', @rid)[1])">
        <fo:footnote>
          <fo:inline baseline-shift="super" font-size="70%"><xsl:call-template name="note-number"><xsl:with-param name="note" select="$note"/></xsl:call-template></fo:inline>
          <fo:footnote-body>
            <xsl:apply-templates select="$note" mode="note"/>
          </fo:footnote-body>
        </fo:footnote>
      </xsl:when>
      <xsl:when test="$note">
        <fo:basic-link internal-destination="{@rid}">
          <fo:inline baseline-shift="super" font-size="70%"><xsl:call-template name="note-number"><xsl:with-param name="note" select="$note"/></xsl:call-template></fo:inline>
        </fo:basic-link>
      </xsl:when>
      <xsl:otherwise>
        <fo:inline baseline-shift="super" font-size="70%"><xsl:value-of select="."/></fo:inline>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- Citations of notes that print as footnotes (not those inside notes, which print as plain text). -->
  <xsl:key name="note-citation" match="xref[@ref-type='fn'][not(ancestor::fn)]" use="@rid"/>
  <!-- The note's number is printed by the template above, not the xref's own sup. -->
  <xsl:key name="note" match="fn" use="@id"/>
  <xsl:template name="note-number">
    <xsl:param name="note"/>
    <xsl:choose>
      <xsl:when test="$note/label"><xsl:value-of select="$note/label"/></xsl:when>
      <xsl:when test="$note"><xsl:value-of select="count($note/preceding::fn) + 1"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Other cross-references (references, tables, figures) are links to their target. -->
  <xsl:template match="xref">
    <xsl:choose>
      <xsl:when test="@rid and key('target', @rid)">
        <fo:basic-link internal-destination="{@rid}"><xsl:apply-templates/></fo:basic-link>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:key name="target" match="*[@id]" use="@id"/>

  <!-- ===== Back matter: notes (as endnotes), references, acknowledgements, appendices ===== -->
  <xsl:template match="back">
    <xsl:apply-templates select="ack"/>
    <xsl:choose>
      <xsl:when test="$notes = 'endnotes'"><xsl:apply-templates select="fn-group"/></xsl:when>
      <!-- Footnotes: notes the text never cites have no footnote to go in; they print here, under "Notes". -->
      <xsl:when test="fn-group/fn[not(key('note-citation', @id))]">
        <fo:block font-size="8.5pt" line-height="11.5pt">
          <xsl:call-template name="back-heading"><xsl:with-param name="title">Notes</xsl:with-param></xsl:call-template>
          <xsl:apply-templates select="fn-group/fn[not(key('note-citation', @id))]" mode="note"/>
        </fo:block>
      </xsl:when>
    </xsl:choose>
    <xsl:apply-templates select="ref-list"/>
    <xsl:apply-templates select="app-group | sec"/>
  </xsl:template>

  <xsl:template name="back-heading">
    <xsl:param name="title"/>
    <fo:block font-family="{$heading-font}" font-size="12pt" font-weight="bold" color="{$accent}" text-align="left"
        space-before="6mm" space-after="2mm" keep-with-next.within-page="always">
      <xsl:value-of select="$title"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="fn-group">
    <fo:block font-size="8.5pt" line-height="11.5pt">
      <xsl:call-template name="back-heading">
        <xsl:with-param name="title"><xsl:choose><xsl:when test="title"><xsl:value-of select="title"/></xsl:when><xsl:otherwise>Notes</xsl:otherwise></xsl:choose></xsl:with-param>
      </xsl:call-template>
      <xsl:apply-templates select="fn" mode="note"/>
    </fo:block>
  </xsl:template>

  <!-- One note, as an endnote or a footnote body: number, then its paragraphs. -->
  <xsl:template match="fn" mode="note">
    <fo:list-block provisional-distance-between-starts="6mm" provisional-label-separation="1.5mm" space-after="1mm"
        font-size="8pt" line-height="10.5pt" text-align="left" start-indent="0mm" font-style="normal" font-weight="normal">
      <fo:list-item id="{@id}">
        <fo:list-item-label end-indent="label-end()">
          <fo:block text-align="right"><xsl:call-template name="note-number"><xsl:with-param name="note" select="."/></xsl:call-template>.</fo:block>
        </fo:list-item-label>
        <fo:list-item-body start-indent="body-start()">
          <xsl:for-each select="p">
            <fo:block><xsl:apply-templates/></fo:block>
          </xsl:for-each>
        </fo:list-item-body>
      </fo:list-item>
    </fo:list-block>
  </xsl:template>
  <!-- Footnote bodies must not hold further footnotes or links to notes. -->
  <xsl:template match="fn//xref[@ref-type='fn']"><xsl:apply-templates/></xsl:template>

  <xsl:template match="ref-list">
    <fo:block font-size="8.5pt" line-height="11.5pt" text-align="left">
      <xsl:call-template name="back-heading">
        <xsl:with-param name="title"><xsl:choose><xsl:when test="title"><xsl:value-of select="title"/></xsl:when><xsl:otherwise>References</xsl:otherwise></xsl:choose></xsl:with-param>
      </xsl:call-template>
      <xsl:apply-templates select="ref"/>
    </fo:block>
  </xsl:template>

  <!-- A reference prints its mixed-citation (the text as the author wrote it), hanging indent. -->
  <xsl:template match="ref">
    <fo:block id="{@id}" start-indent="5mm" text-indent="-5mm" space-after="1.2mm">
      <xsl:if test="label"><xsl:value-of select="label"/><xsl:text> </xsl:text></xsl:if>
      <xsl:choose>
        <xsl:when test=".//mixed-citation"><xsl:apply-templates select="(.//mixed-citation)[1]"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="(.//element-citation)[1]" mode="plain"/></xsl:otherwise>
      </xsl:choose>
    </fo:block>
  </xsl:template>

  <xsl:template match="ack | app">
    <fo:block>
      <xsl:call-template name="back-heading">
        <xsl:with-param name="title"><xsl:choose><xsl:when test="title"><xsl:value-of select="title"/></xsl:when><xsl:when test="self::ack">Acknowledgements</xsl:when><xsl:otherwise>Appendix</xsl:otherwise></xsl:choose></xsl:with-param>
      </xsl:call-template>
      <xsl:apply-templates select="*[not(self::title)]"/>
    </fo:block>
  </xsl:template>

  <!-- The license line, from the article's permissions. -->
  <xsl:template name="license">
    <xsl:for-each select="$meta/permissions">
      <fo:block font-size="7.5pt" line-height="10pt" color="#444444" space-before="8mm" border-top="0.5pt solid #888888"
          padding-top="2mm" text-align="left" keep-together.within-page="always">
        <xsl:if test="copyright-statement"><fo:block><xsl:value-of select="copyright-statement"/></fo:block></xsl:if>
        <xsl:for-each select="license">
          <fo:block>
            <xsl:apply-templates select="license-p"/>
            <xsl:variable name="url" select="(@xlink:href | ali:license_ref)[1]"/>
            <xsl:if test="$url">
              <xsl:text> </xsl:text>
              <fo:basic-link external-destination="url('{$url}')" color="{$accent}"><xsl:value-of select="$url"/></fo:basic-link>
            </xsl:if>
          </fo:block>
        </xsl:for-each>
      </fo:block>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="license-p"><xsl:apply-templates/></xsl:template>

  <!-- Plain text of an element (running head, structured references without mixed-citation). -->
  <xsl:template match="*" mode="plain"><xsl:value-of select="normalize-space(.)"/></xsl:template>

  <!-- Elements that print elsewhere or not at all. -->
  <xsl:template match="label | caption | alt-text | fn-group/title | ref-list/title | object-id"/>

  <!-- Anything else: its content. -->
  <xsl:template match="*"><xsl:apply-templates/></xsl:template>
</xsl:stylesheet>
