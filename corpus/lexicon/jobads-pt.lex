# Lexicon jobads-pt: the noise of Portuguese job-ad titles (Brazil and
# Portugal): contract forms, work mode, schedules, inclusion, gender, pay,
# programmes, seniority and experience. One regular expression a line on
# folded text, made from the phrases ads use. Sections as in en.lex.

[noise pt-contract]
\bclt\b
\bpj\b
\bmei\b
\bclt[\s-]+ou[\s-]+pj\b
\bcarteira[\s-]+assinada\b
\befetivo\b
\befetiva\b
\befetivacao\b
\btemporario\b
\btemporaria\b
\bcontrato[\s-]+temporario\b
\bcontrato[\s-]+a[\s-]+termo\b
\bcontrato[\s-]+a[\s-]+termo[\s-]+certo\b
\bcontrato[\s-]+sem[\s-]+termo\b
\bcontrato[\s-]+de[\s-]+trabalho\b
\bprestacao[\s-]+de[\s-]+servicos\b
\brecibos[\s-]+verdes\b
\bfreelancer\b
\bfreela\b
\bautonomo\b
\bintermitente\b
\btempo[\s-]+integral\b
\btempo[\s-]+inteiro\b
\btempo[\s-]+parcial\b
\bmeio[\s-]+periodo\b
\bperiodo[\s-]+integral\b
\bpart[\s-]*time\b
\bfull[\s-]*time\b

[noise pt-work-mode]
\bhome[\s-]+office\b
\bhome[\s-]*office\b
\bremoto\b
\btrabalho[\s-]+remoto\b
\b100%[\s-]+remoto\b
\bhibrido\b
\bmodelo[\s-]+hibrido\b
\bregime[\s-]+hibrido\b
\btrabalho[\s-]+hibrido\b
\bpresencial\b
\bregime[\s-]+presencial\b
\bteletrabalho\b

[noise pt-schedule]
\bturno[\s-]+da[\s-]+manha\b
\bturno[\s-]+da[\s-]+tarde\b
\bturno[\s-]+da[\s-]+noite\b
\bnoturno\b
\bdiurno\b
\bescala[\s-]+12x36\b
\bescala[\s-]+6x1\b
\bescala[\s-]+5x2\b
\bsegunda[\s-]+a[\s-]+sexta\b
\bfins[\s-]+de[\s-]+semana\b
\bhorario[\s-]+flexivel\b
\bhorario[\s-]+comercial\b
\b(?:segunda|seg)[\s-]+a[\s-]+(?:sexta|sex|sabado|sab|domingo|dom)\b
\b\d{1,2}[\s-]?h(?:oras)?[\s-]+(?:semanais|por[\s-]+semana|diarias|por[\s-]+dia)\b
\bturnos?[\s-]+[abc](?:[\s-]*/[\s-]*[abc])+\b
\bturnos?[\s-]+rotativos?\b
\b(?:3|tres)[\s-]+turnos\b
\bfolguista\b
\bnoturna\b
\bdiurna\b
\bem[\s-]+turnos\b
\bpor[\s-]+turnos\b
\b24[\s-]?h(?:oras)?\b
# a shift roster written alone ("12x36": twelve hours on, thirty-six off)
\b(?:12x36|24x48|24x72|12x60|6x1|6x2|5x1|5x2|4x2)\b
# on-call and shift duty ("Médico - Plantão Hospitalar")
\bplantao\b
\bplantoes\b
\bplantao[\s-]+(?:hospitalar|noturno|diurno|de[\s-]+\d+h)\b

[noise pt-inclusion]
\bpcd\b
\bpcds\b
\bvaga[\s-]+pcd\b
\bexclusiva[\s-]+para[\s-]+pcd\b
\bexclusivo[\s-]+pcd\b
\bpessoa[\s-]+com[\s-]+deficiencia\b
\bpessoas[\s-]+com[\s-]+deficiencia\b
\bvaga[\s-]+afirmativa\b
\bafirmativa\b
# the group an affirmative vacancy is for ("Vaga Afirmativa para Pessoas
# Negras - Analista de Dados"); none is a word of an occupation
\bpara[\s-]+pessoas[\s-]+(?:negras|pretas|trans)\b
\bpessoas[\s-]+negras\b
\bvaga[\s-]+exclusiva\b

[noise pt-gender]
\(m/f\)
\(f/m\)
\(h/m\)
\(m/f/d\)
\(a\)
\(o\)
\(as\)
\(os\)
# a feminine form written first, then the masculine, at the start of a
# title: "Enfermeira/Enfermeiro", "Técnica Superior/Técnico Superior",
# "Assistente Técnica/Assistente Técnico"; the masculine form is read
^(?:[a-z]+\s+)?[a-z]+(?:eira|dora|tora|sora|loga|aria|ica|ada)(?:\s+superior)?\s*/\s*

[noise pt-pay]
\bsalario[\s-]+a[\s-]+combinar\b
\ba[\s-]+combinar\b
\bsalario[\s-]+competitivo\b
\bremuneracao[\s-]+atrativa\b
\bvencimento[\s-]+atrativo\b
\+[\s-]+beneficios\b
\+[\s-]+comissoes\b
\bvt\b
\bvr\b
\bva\b
\bplr\b
\bvale[\s-]+(?:transporte|refeicao|alimentacao)\b
\bmil\b
\bganhos?\b
\bganhos?[\s-]+de[\s-]+ate\b
\bdiaria\b
\bplano[\s-]+de[\s-]+saude\b
\bsubsidio[\s-]+de[\s-]+alimentacao\b
\bpremios\b
\bbonus\b

[noise pt-programme]
\bjovem[\s-]+aprendiz\b
\baprendiz\b
\bestagio\b
\bestagio[\s-]+profissional\b
\bestagio[\s-]+curricular\b
\bestagiario\b
\bestagiaria\b
\btrainee\b
\bprograma[\s-]+de[\s-]+trainee\b
\bprograma[\s-]+de[\s-]+estagio\b

[noise pt-seniority]
\bjunior\b
\bjr\b
\bpleno\b
\bplena\b
\bpl\b
\bsenior\b
\bsr\b

[noise pt-requirement]
# a driving licence and its category ("CNH E", "CNH categoria D",
# "carta de condução")
\bcnh[\s-]+(?:categoria[\s-]+)?(?:ab|ad|ae|[a-e])\b
\bcnh\b
\bcategoria[\s-]+(?:ab|ad|ae|[a-e])\b
\bcarta[\s-]+de[\s-]+conducao\b
# Brazilian safety certificates (NR-10 electrical, NR-35 work at height)
\bnr[\s-]?\d{1,2}\b
# a public-service competition ("Escriturário - Concurso Público")
\bconcurso\b
\bconcurso[\s-]+publico\b

[noise pt-experience]
\bsem[\s-]+experiencia\b
\bcom[\s-]+experiencia\b
\bcom[\s-]+ou[\s-]+sem[\s-]+experiencia\b
\bprimeiro[\s-]+emprego\b

[noise pt-ad]
\bvaga\b
\bvagas\b
\boportunidade\b
\bcontrata[\s-]*se\b
\bprecisa[\s-]*se\b
\badmite[\s-]*se\b
\bprocesso[\s-]+seletivo\b
\burgente\b
\binicio[\s-]+imediato\b
\bbanco[\s-]+de[\s-]+talentos\b
\bcadastro[\s-]+reserva\b
\bvarias[\s-]+vagas\b
