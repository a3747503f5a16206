# Fields of work and study, and the learners of a field. An intern,
# trainee, apprentice, cadet or graduate of a field does the work of the
# field's practitioner ("Estagiário de Contabilidade": an accountant's
# work; "Accounting Intern" is not a medical intern). A title whose role is
# a learner word and which names a field is read with the practitioner's
# title words added; the field's words stay. An administration intern or
# apprentice does office work: a general clerk ("administração =
# auxiliar administrativo"). Medicine is not listed: a medical intern is
# the "Intern" of Resident Medical Officer, which the titles name. A field
# whose practitioners are of several occupations (IT, sales, logistics) is
# not listed either.

[learner en]
intern
interns
internship
trainee
apprentice
cadet
graduate

[learner pt]
estagiario
estagiaria
estagio
aprendiz
trainee

[field en]
accounting = accountant
law = solicitor
legal = solicitor
marketing = marketing specialist
human resources = human resource adviser
hr = human resource adviser
engineering = engineer
civil engineering = civil engineer
mechanical engineering = mechanical engineer
electrical engineering = electrical engineer
chemical engineering = chemical engineer
mining engineering = mining engineer
software engineering = software engineer
architecture = architect
graphic design = graphic designer
journalism = journalist
pharmacy = pharmacist
physiotherapy = physiotherapist
dietetics = dietitian
nutrition = dietitian
economics = economist
data science = data scientist
surveying = surveyor
geology = geologist
plumbing = plumber
carpentry = carpenter
psychology = psychologist
nursing = registered nurse
administration = administration officer
business administration = administration officer

[field pt]
contabilidade = contador
ciencias contabeis = contador
direito = advogado
arquitetura = arquiteto
arquitectura = arquiteto
engenharia civil = engenheiro civil
engenharia mecanica = engenheiro mecanico
engenharia eletrica = engenheiro eletricista
engenharia electrotecnica = engenheiro eletricista
engenharia quimica = engenheiro quimico
engenharia de producao = engenheiro de producao
enfermagem = enfermeiro
administracao = auxiliar administrativo
area administrativa = auxiliar administrativo
marketing = consultor de marketing
recursos humanos = analista de recursos humanos
rh = analista de recursos humanos
design grafico = designer grafico
jornalismo = jornalista
farmacia = farmaceutico
nutricao = nutricionista
fisioterapia = fisioterapeuta
economia = economista
biomedicina = biomedico
medicina veterinaria = medico veterinario
odontologia = dentista
ciencia de dados = cientista de dados
desenvolvimento de software = desenvolvedor de software
psicologia = psicologo
