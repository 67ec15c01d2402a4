"""StreamField blocks of an article body; each renders with its own template."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


def labelled(field, label):
    """Name a stream child's input for assistive tools.

    Wagtail shows such a block's label as the block's header, not as a
    <label> of its input; the lazy label is rendered in the editor's language.
    """
    field.widget.attrs.setdefault("aria-label", label)
    return field


class HeadingBlock(blocks.CharBlock):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labelled(self.field, self.meta.label)

    class Meta:
        icon = "title"
        label = _("小标题")
        template = "articles/blocks/heading.html"


class ParagraphBlock(blocks.TextBlock):
    """Plain text: imported copy is never trusted as HTML."""

    @cached_property
    def field(self):
        return labelled(super().field, self.meta.label)

    class Meta:
        icon = "pilcrow"
        label = _("段落")
        template = "articles/blocks/paragraph.html"


class PhotoBlock(blocks.StructBlock):
    # The importer knows the caption and credit but never has the picture, so
    # the image is optional until an editor attaches one.
    image = ImageChooserBlock(required=False, label=_("图片"))
    caption = blocks.TextBlock(required=False, label=_("图片说明"))
    credit = blocks.CharBlock(required=False, max_length=255, label=_("摄影署名"))

    class Meta:
        icon = "image"
        label = _("图片")
        template = "articles/blocks/photo.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("引文"))
    attribution = blocks.CharBlock(required=False, max_length=255, label=_("出处"))

    class Meta:
        icon = "openquote"
        label = _("引文")
        template = "articles/blocks/quote.html"


class ArticleBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    photo = PhotoBlock()
    quote = QuoteBlock()
